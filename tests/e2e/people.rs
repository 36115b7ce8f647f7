//! People who move (issue 21), on the demo at 1366×768: 杜鹃 moves into the 潘 family's new
//! building (a move dated before it is refused with the core's message), 林晓 leaves the
//! community, and 杜鹃's history lists the move.

use crate::e2e_support::SERIAL;
use crate::followup::{js, press, select, start_laptop, type_into};

/// Marks the roster row of `name` with `id` so CSS can reach it.
async fn mark_row(s: &crate::e2e_support::Session, name: &str, id: &str) {
    let script = format!(
        "const r = [...document.querySelectorAll('#people-table tbody tr')].find((tr) => tr.cells[0].textContent.startsWith('{name}'));\
         if (r) r.id = '{id}'; return Boolean(r);"
    );
    assert_eq!(js(s, &script).await, serde_json::Value::Bool(true), "no row of {name}");
}

/// Waits until the re-drawn row of `name` shows `needle`, marking it `id`.
async fn wait_row(s: &crate::e2e_support::Session, name: &str, id: &str, needle: &str) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let script = format!(
            "const r = [...document.querySelectorAll('#people-table tbody tr')].find((tr) => tr.cells[0].textContent.startsWith('{name}'));\
             if (!r) return ''; r.id = '{id}'; return r.textContent;"
        );
        let text = js(s, &script).await;
        if text.as_str().unwrap_or("").contains(needle) {
            // The settings hub re-draws the roster once more after a write: let it settle.
            tokio::time::sleep(std::time::Duration::from_millis(800)).await;
            mark_row(s, name, id).await;
            return;
        }
        assert!(std::time::Instant::now() < deadline, "row of {name} never showed {needle}: {text}");
        tokio::time::sleep(std::time::Duration::from_millis(150)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn people_move() {
    let _serial = SERIAL.lock().await;
    let dir = tempfile::tempdir().unwrap();
    let (mut s, _saves) = start_laptop("people_move", dir.path()).await;
    s.click("#nav a[data-section=settings]").await;
    s.wait_for("#people-table").await;

    mark_row(&s, "杜鹃", "row-du").await;
    press(&s, "#row-du [data-action=move-in]").await;
    s.wait_for("#row-du select[name=move-to]").await;
    let offered = js(&s, "return [...document.querySelectorAll('#row-du select[name=move-to] option')].map((o) => o.textContent).join(' ')").await;
    assert!(offered.as_str().unwrap_or("").contains("4号楼2单元502"), "offered: {offered}");
    let to = js(
        &s,
        "return [...document.querySelectorAll('#row-du select[name=move-to] option')].find((o) => o.textContent === '4号楼2单元502').value",
    )
    .await;
    select(&s, "#row-du select[name=move-to]", to.as_str().unwrap()).await;
    type_into(&s, "#row-du input[name=move-day]", "2026-11-20").await;
    press(&s, "#row-du .move-form button[type=submit]").await;
    wait_row(&s, "杜鹃", "row-du", "4号楼2单元502").await;

    // A move dated before her last one is refused with the core's words; nothing changes.
    mark_row(&s, "杜鹃", "row-du").await;
    press(&s, "#row-du [data-action=move-in]").await;
    let back = js(
        &s,
        "return [...document.querySelectorAll('#row-du select[name=move-to] option')].find((o) => o.textContent === '1号楼1单元301').value",
    )
    .await;
    select(&s, "#row-du select[name=move-to]", back.as_str().unwrap()).await;
    type_into(&s, "#row-du input[name=move-day]", "2026-11-01").await;
    press(&s, "#row-du .move-form button[type=submit]").await;
    s.wait_text("#row-du .move-form .form-error", "不能早于").await;
    s.wait_text("#row-du", "4号楼2单元502").await;
    press(&s, "#row-du .move-form button[type=button]").await;

    // 林晓 leaves the community.
    mark_row(&s, "林晓", "row-lin").await;
    press(&s, "#row-lin [data-action=leave]").await;
    type_into(&s, "#row-lin input[name=leave-day]", "2026-11-19").await;
    select(&s, "#row-lin select[name=leave-reason]", "moved_away").await;
    type_into(&s, "#row-lin input[name=leave-note]", "随儿子迁往重庆").await;
    press(&s, "#row-lin .move-form button[type=submit]").await;
    wait_row(&s, "林晓", "row-lin", "随儿子迁往重庆").await;

    mark_row(&s, "杜鹃", "row-du").await;
    press(&s, "#row-du [data-action=history]").await;
    s.wait_text("#row-du .move-history", "迁入 4号楼2单元502").await;
    js(&s, "document.getElementById('row-du').scrollIntoView({ block: 'center' })").await;
    s.shot("moved").await;
    mark_row(&s, "林晓", "row-lin").await;
    press(&s, "#row-lin [data-action=history]").await;
    s.wait_text("#row-lin .move-history", "迁出本社区（迁出）").await;
    js(&s, "document.getElementById('row-lin').scrollIntoView({ block: 'center' })").await;
    s.shot("left").await;
    s.finish().await;
}
