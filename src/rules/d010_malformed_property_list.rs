use crate::diagnostic::{Edit, Fix, Severity};
use crate::rules::{Context, FixAvailability, Rule, RuleMeta};
use crate::span::Span;
use crate::syntax::Node;

pub struct MalformedPropertyList;

static META: RuleMeta = RuleMeta {
    code: "D010",
    name: "malformed-property-list",
    default_severity: Some(Severity::Error),
    fix: FixAvailability::Sometimes,
    summary: "An empty property list, a trailing comma, a missing comma, or an item Doris cannot read.",
    explanation: r#"
**What it does.** Checks the shape of `PROPERTIES (...)` and `SET (...)`: at least one
`key = value` item, items separated by commas, no comma after the last item.

**Why.** Doris's grammar rejects `PROPERTIES ()`, `("a" = "b",)` and `("a" = "b" "c" = "d")`
with a syntax error; these slips are common in hand-edited multi-line lists.

**Example.**
```sql
ALTER SYSTEM SET LOAD ERRORS HUB PROPERTIES ("type" = "mysql", "host" = "10.0.0.1" "port" = "3306");
```

**Fix.** Safe where unambiguous: drops a trailing comma, inserts a missing comma. An empty list or
an unreadable item has no fix.
"#,
};

impl Rule for MalformedPropertyList {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context<'_, '_>) {
        for seg in cx.checked_segments() {
            match &seg.node {
                Node::Error(err) if err.in_property_list && !seg.lexical.iter().any(|i| i.is_fatal()) => {
                    let expected = err.expected.join(", ");
                    let d = cx
                        .diagnostic(
                            err.span,
                            t!(cx, 
                                format!("malformed property list: expected {expected}, found {}", err.found),
                                format!("属性列表格式错误：此处应为 {expected}，实际为 {}", err.found),
                            ),
                        )
                        .with_help(t!(cx, 
                            "each item is `\"key\" = \"value\"`, separated by commas; quote values that are not plain words",
                            "每一项写作 `\"key\" = \"value\"`，用逗号分隔；非单词的值请加引号",
                        ));
                    cx.push(d);
                }
                Node::Statement(st) => {
                    let Some(list) = st.properties() else { continue };
                    if list.items.is_empty() {
                        let d = cx
                            .diagnostic(
                                list.span,
                                t!(cx, 
                                    "empty property list: Doris needs at least one `key = value` item (syntax error)",
                                    "属性列表为空：Doris 至少需要一个 `key = value`（语法错误）",
                                ),
                            )
                            .with_help(t!(cx, 
                                "add a property or remove the clause",
                                "请添加属性或删除该子句",
                            ));
                        cx.push(d);
                    }
                    for (i, comma) in list.commas.iter().enumerate() {
                        if comma.is_some() {
                            continue;
                        }
                        let prev = list.items[i].span;
                        let next = list.items[i + 1].span;
                        let d = cx
                            .diagnostic(
                                Span::new(prev.end, next.start),
                                t!(cx, 
                                    format!("missing `,` between {} and {}: Doris rejects the statement", cx.text(prev), cx.text(list.items[i + 1].key.span)),
                                    format!("{} 与 {} 之间缺少 `,`：Doris 会拒绝此语句", cx.text(prev), cx.text(list.items[i + 1].key.span)),
                                ),
                            )
                            .with_help(t!(cx, "separate the items with a comma", "请用逗号分隔各项"))
                            .with_fix(Fix::safe(t!(cx, "Insert `,`", "插入 `,`"), vec![Edit::insert(prev.end, ",")]));
                        cx.push(d);
                    }
                    if let Some(comma) = list.trailing_comma {
                        let d = cx
                            .diagnostic(
                                comma,
                                t!(cx, 
                                    "trailing `,` after the last property: Doris rejects the statement",
                                    "最后一个属性后多了 `,`：Doris 会拒绝此语句",
                                ),
                            )
                            .with_help(t!(cx, "remove the comma", "请删除这个逗号"))
                            .with_fix(Fix::safe(t!(cx, "Remove the trailing `,`", "删除末尾的 `,`"), vec![Edit::delete(comma)]));
                        cx.push(d);
                    }
                }
                _ => {}
            }
        }
    }
}
