//! Between the meetings (issue 21) through the real app, on the demo at 2026-11-21: a note on a
//! topic, a task extended and reassigned after its meeting, a 回访 of a 即办 topic, the reply to a
//! 上报件, then the 督办清单 and the 月度议题研判表 printed from the task board — their PDFs read
//! back with pdftotext.

use crate::clock::pdf_text;
use crate::e2e_support::{Session, SERIAL};
use crate::followup::{js, saved, select, start_laptop, type_into};

/// Opens a topic through the search box (Ctrl+K's box): the hit of kind 议题 with this title.
async fn open_topic(s: &Session, title: &str) {
    let search = s.wait_for("#search-box").await;
    search.clear().await.expect("clear");
    search.send_keys(title).await.expect("type");
    let hit = format!(
        "return [...document.querySelectorAll('#search-results li.hit[data-kind=topic]')]\
         .some(li => li.querySelector('.hit-title').textContent === '{title}')"
    );
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while js(s, &hit).await != serde_json::Value::Bool(true) {
        assert!(std::time::Instant::now() < deadline, "no topic hit for {title}");
        tokio::time::sleep(std::time::Duration::from_millis(150)).await;
    }
    js(
        s,
        &format!(
            "[...document.querySelectorAll('#search-results li.hit[data-kind=topic]')]\
             .find(li => li.querySelector('.hit-title').textContent === '{title}')\
             .dispatchEvent(new MouseEvent('mousedown', {{ bubbles: true }}))"
        ),
    )
    .await;
    s.wait_text("#topic-detail .detail-title", title).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn between_meetings() {
    let _serial = SERIAL.lock().await;
    let dir = tempfile::tempdir().unwrap();
    let (mut s, saves) = start_laptop("between_meetings", dir.path()).await;

    // A note on a 即办 topic done on the spot: the call that answers the resident (件件有回音).
    open_topic(&s, "健身器材损坏").await;
    type_into(&s, "#topic-note-at", "2026年11月21日 10:00").await;
    select(&s, "#topic-note-method", "phone").await;
    type_into(&s, "#topic-note-with", "赵阿姨").await;
    type_into(&s, "#topic-note-text", "电话告知健身器材已更换螺栓，可以正常使用").await;
    js(&s, "const b = document.querySelector('#topic-note-answer'); if (!b.checked) b.click();").await;
    s.click("#save-topic-note").await;
    s.wait_text("#timeline", "已更换螺栓").await;

    // Its 回访: satisfied; the topic stays 即办完成.
    type_into(&s, "#callback-at", "2026年11月21日 10:30").await;
    select(&s, "#callback-method", "visit").await;
    select(&s, "#callback-satisfied", "yes").await;
    type_into(&s, "#callback-note", "现场查看，器材牢固").await;
    s.click("#save-callback").await;
    s.wait_text("#timeline", "器材牢固").await;
    s.wait_text("#topic-detail", "即办完成").await;
    js(&s, "document.querySelector('#timeline').scrollIntoView({ block: 'end' })").await;
    s.shot("note-and-callback").await;

    // The reply to the 上报件 sent to the district transport bureau: back to the agenda.
    open_topic(&s, "希望小区通公交").await;
    s.wait_for("form.reply-form").await;
    type_into(&s, "form.reply-form textarea", "区交通运输局答复：线路需社区先征集乘车需求").await;
    let outcome = js(&s, "return document.querySelector('form.reply-form select').id").await;
    select(&s, &format!("#{}", outcome.as_str().unwrap()), "back_to_agenda").await;
    js(&s, "document.querySelector('form.reply-form').scrollIntoView()").await;
    s.shot("escalation-reply").await;
    s.click("form.reply-form button[type=submit]").await;
    s.wait_text("#topic-detail", "已审定").await;
    s.wait_text("#timeline", "征集乘车需求").await;

    // The water pipe task, after its meeting closed: extended, then given to another unit.
    s.click("#nav a[data-section='tasks']").await;
    s.wait_for("#task-table a.task-link").await;
    js(
        &s,
        "[...document.querySelectorAll('a.task-link')].find(a => a.textContent === '更换院坝主水管并加装保温').click()",
    )
    .await;
    s.wait_for("#extend-form").await;
    type_into(&s, "#extend-deadline", "2026-12-20").await;
    type_into(&s, "#extend-reason", "保温材料到货推迟").await;
    s.click("#extend-task").await;
    s.wait_text("#task-detail", "2026-12-20").await;
    s.wait_for("#reassign-form").await;
    type_into(&s, "#reassign-unit", "社区水电班").await;
    type_into(&s, "#reassign-person", "李师傅").await;
    type_into(&s, "#reassign-reason", "院坝一组人手不足").await;
    s.click("#reassign-task").await;
    s.wait_text("#task-detail", "李师傅").await;
    s.wait_text("#task-notes", "保温材料到货推迟").await;
    s.shot("task-changed").await;

    // The task board prints the 督办清单 and this month's 月度议题研判表.
    s.click("#nav a[data-section='tasks']").await;
    s.wait_for("#print-month-review").await;
    let month = js(&s, "return document.querySelector('#review-month').value").await;
    assert_eq!(month.as_str(), Some("2026-11"), "this month is chosen");
    s.click("#print-supervision").await;
    s.wait_text("#supervision-result", "督办清单").await;
    s.click("#print-month-review").await;
    s.wait_text("#month-review-result", "议题研判表").await;
    js(&s, "document.querySelector('#month-review-result').scrollIntoView({ block: 'center' })").await;
    s.shot("board-printed").await;

    let supervision = pdf_text(&saved(&saves, "督办清单"));
    assert!(supervision.contains("车库地面防水修复") && supervision.contains("逾期"), "{supervision}");
    let review = pdf_text(&saved(&saves, "议题研判表"));
    for expected in [
        "幸福里社区2026年11月议题研判表",
        "本月共收集议题7件",
        // The bus topic went back to the agenda: two 上报件 still wait.
        "未办结的上报件（2件）",
        // Answered by the note: the fitness equipment (11 → 10). The bus topic still counts: the
        // test clock says 11-21 but its move back to the agenda is stamped with the real instant,
        // after November's cut; only the reply's own day (11-21) is a stated date.
        "尚未答复提出人的议题（件件有回音）（10件）",
        "主持人（签字）",
    ] {
        assert!(review.contains(expected), "{expected}: {review}");
    }
    s.finish().await;
}
