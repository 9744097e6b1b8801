//! A horizontal bar chart drawn on the server as inline SVG: a title and a description for
//! screen readers (`role="img"`, `aria-labelledby`), the same data as the table beside it.
//! A secret bar is drawn as nothing, and says « secret ».

use leptos::prelude::*;

/// One bar: its label, its value from 0 to `max` (`None`: secret or nothing), its text.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: Option<f64>,
    pub text: String,
}

const WIDTH: f64 = 640.0;
const LABEL: f64 = 220.0;
const ROW: f64 = 28.0;

/// `target`: a value drawn as a dashed line (the PNAD's 30 %).
#[component]
pub fn BarChart(
    id: &'static str,
    title: String,
    description: String,
    bars: Vec<Bar>,
    max: f64,
    #[prop(optional)] target: Option<(f64, &'static str)>,
) -> impl IntoView {
    let height = ROW * bars.len().max(1) as f64 + 24.0;
    let plot = WIDTH - LABEL - 90.0;
    let scale = move |v: f64| if max > 0.0 { (v / max).clamp(0.0, 1.0) * plot } else { 0.0 };
    let (title_id, desc_id) = (format!("{id}-titre"), format!("{id}-desc"));
    let labelled_by = format!("{title_id} {desc_id}");
    let rows = bars
        .into_iter()
        .enumerate()
        .map(|(i, bar)| {
            let y = 12.0 + ROW * i as f64;
            let w = bar.value.map(scale).unwrap_or(0.0);
            view! {
                <g class="bar">
                    <text x=LABEL - 8.0 y=y + 17.0 text-anchor="end">{shorten(&bar.label)}</text>
                    <rect x=LABEL y=y + 4.0 width=format!("{w:.1}") height=ROW - 10.0></rect>
                    <text x=LABEL + w + 6.0 y=y + 17.0 class="bar-value">{bar.text}</text>
                </g>
            }
        })
        .collect_view();
    let line = target.map(|(value, label)| {
        let x = LABEL + scale(value);
        view! {
            <g class="target">
                <line x1=format!("{x:.1}") x2=format!("{x:.1}") y1="4" y2=format!("{:.1}", height - 8.0)></line>
                <text x=format!("{:.1}", x + 4.0) y=format!("{:.1}", height - 2.0)>{label}</text>
            </g>
        }
    });
    view! {
        <svg class="chart" id=id role="img" aria-labelledby=labelled_by
            viewBox=format!("0 0 {WIDTH} {height:.0}") width="100%" xmlns="http://www.w3.org/2000/svg">
            <title id=title_id>{title}</title>
            <desc id=desc_id>{description}</desc>
            {rows}
            {line}
        </svg>
    }
}

fn shorten(label: &str) -> String {
    if label.chars().count() <= 32 {
        return label.to_owned();
    }
    let mut short: String = label.chars().take(31).collect();
    short.push('…');
    short
}
