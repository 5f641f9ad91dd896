// The one place to set where "Report a problem" opens a new issue: the project's GitHub
// repository, as `https://github.com/OWNER/NAME` (no trailing slash; the page appends
// `/issues/new?title=…&body=…`).
//
// PLACEHOLDER: the project has no public home yet. Change DEFAULT_REPO_URL here, or set it for
// one build without editing anything:
//   VITE_REPO_URL=https://github.com/OWNER/NAME make playground-dist
const DEFAULT_REPO_URL = "https://github.com/example/doris-lint";

export const REPO_URL = (import.meta.env.VITE_REPO_URL || DEFAULT_REPO_URL).replace(/\/+$/, "");
