// The project's repository: the one place to change it. Used by the "Report a problem" link.
export const REPO_URL = "https://github.com/example/doris-lint";
