//! 资金怎么用 (issue 16) through the real app, on the demo community at 2026-11-21: the year's
//! 惠民资金 in 设置 (a nonsense amount refused under its field, then next year's allocation), the
//! board's money line, a spend on the 车棚 task past its budget (refused without 超支原因, then
//! recorded with it and a receipt photo, the task flagged 超预算 on the board), a task's own budget
//! raised per household, and a budget with two sources on a decision at the bench.

use std::time::Duration;

use crate::clock::pdf_text;
use crate::e2e_support::SERIAL;
use crate::followup::{js, select, start_laptop, type_into};
use crate::meetings::open_meeting;

/// The id of the demo's task with this title (finished ones included), asked of the shell.
async fn task_id(s: &crate::e2e_support::Session, title: &str) -> String {
    s.js_string(&format!(
        "return window.__TAURI_INTERNALS__.invoke('task_board', {{ filter: {{ include_done: true }} }})\
         .then((ts) => ts.find((t) => t.title === '{title}').id)"
    ))
    .await
}

async fn open_task(s: &crate::e2e_support::Session, id: &str) {
    js(s, &format!("location.hash = '#tasks/{id}'")).await;
    s.wait_for("#task-funds h2").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn money_is_allocated_spent_past_its_budget_only_with_a_reason_and_budgeted_at_the_bench() {
    let _serial = SERIAL.lock().await;
    let dir = tempfile::tempdir().unwrap();
    let (mut s, saves) = start_laptop("funds", dir.path()).await;

    // 设置: this year's 惠民资金 as the demo entered it, with what the year's budgets committed.
    s.click("#nav a[data-section=settings]").await;
    s.wait_text("#allocation-figures", "额度 ¥200,000.00").await;
    s.wait_text("#allocation-figures", "已安排 ¥59,000.00").await;
    js(&s, "document.getElementById('allocation-card').scrollIntoView()").await;
    s.shot("allocation").await;
    // Next year's: nonsense is refused under the field, then 25万 is kept as ¥250,000.00.
    type_into(&s, "#allocation-year", "2027").await;
    js(&s, "document.getElementById('allocation-year').dispatchEvent(new Event('change'))").await;
    s.wait_text("#allocation-figures", "额度 未登记").await;
    type_into(&s, "#allocation-amount", "两百块😀").await;
    s.click("#save-allocation").await;
    s.wait_text("#allocation-form .field.invalid .field-error", "年度资金额度").await;
    type_into(&s, "#allocation-amount", "25万").await;
    s.click("#save-allocation").await;
    s.wait_text("#allocation-figures", "2027年惠民资金：额度 ¥250,000.00").await;
    // A year with nothing spent has nothing to publish; 2026 has, with the group that checked it.
    s.click("#print-year-fund-use").await;
    s.wait_text("#print-year-fund-use-result", "无需公示").await;
    type_into(&s, "#allocation-year", "2026").await;
    type_into(&s, "#print-year-fund-use-supervisors", "居务监督委员会 孙明").await;
    s.click("#print-year-fund-use").await;
    s.wait_text("#print-year-fund-use-result", "已保存").await;
    js(&s, "document.getElementById('print-year-fund-use').scrollIntoView({block: 'center'})").await;
    s.shot("allocation-print").await;

    // The board's money line.
    s.click("#nav a[data-section='tasks']").await;
    s.wait_text("#funds-line", "2026年惠民资金 ¥200,000.00，已安排 ¥59,000.00").await;

    // The 车棚: ¥52,000.00 of 惠民资金, ¥49,800.00 spent; ¥3,000.00 more goes past it.
    let shed = task_id(&s, "北侧车棚安装智能充电口20个").await;
    open_task(&s, &shed).await;
    s.wait_text("#task-funds", "已支出 ¥49,800.00，结余 ¥2,200.00").await;
    type_into(&s, "#spend-what", "充电口防雨罩20个").await;
    type_into(&s, "#spend-amount", "3,000").await;
    type_into(&s, "#spend-payee", "安途充电科技 13812345678").await;
    s.click("#add-receipt").await;
    s.wait_for("#spend-photos .thumb").await;
    s.click("#record-spend").await;
    s.wait_text("#spend-form", "超出预算").await;
    let rows = js(&s, "return document.querySelectorAll('#spend-table tbody tr').length").await;
    assert_eq!(rows.as_u64(), Some(1), "the refused spend was not recorded");
    type_into(&s, "#spend-over-reason", "原方案漏了防雨罩，经两委会研究同意").await;
    s.click("#record-spend").await;
    s.wait_text("#spend-table", "充电口防雨罩20个").await;
    s.wait_text("#task-funds .fund-total", "超预算").await;
    s.wait_text("#task-funds", "已支出 ¥52,800.00，结余 -¥800.00").await;
    s.wait_for("#spend-table tr.over-row .thumb-img").await;
    js(&s, "document.getElementById('task-funds').scrollIntoView()").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    s.shot("task-spend").await;
    // Its 资金使用公示, saved where the stand-in “另存为” puts it; the group typed for the year's
    // notice is offered again.
    let group = js(&s, "return document.getElementById('print-fund-use-supervisors').value").await;
    assert_eq!(group.as_str(), Some("居务监督委员会 孙明"));
    s.click("#print-fund-use").await;
    s.wait_text("#print-fund-use-result", "已保存").await;
    let saved: Vec<_> = std::fs::read_dir(&saves).unwrap().flatten().map(|f| f.path()).collect();
    let notice = saved
        .iter()
        .find(|f| f.to_string_lossy().contains("资金使用公示") && !f.to_string_lossy().contains("2026年"))
        .expect("资金使用公示 saved");
    // The layout wraps lines anywhere: compare without the whitespace.
    let text: String = pdf_text(notice).split_whitespace().collect();
    assert!(text.contains("已经居务监督委员会孙明审核"), "{text}");
    assert!(!text.contains("13812345678"), "the payee's phone is masked: {text}");

    // The board flags it, finished or not.
    s.click("#back-to-board").await;
    s.wait_text("#funds-line", "1 项任务超预算").await;
    // The 车棚 was finished in March: its row shows with the finished tasks.
    s.click("#include-done").await;
    s.wait_for(&format!("#task-table tr[data-id='{shed}']")).await;
    let flagged =
        js(&s, &format!("return document.querySelector(\"#task-table tr[data-id='{shed}'] .over-budget\") !== null"))
            .await;
    assert_eq!(flagged, serde_json::Value::Bool(true), "the board's row of the 车棚 task says 超预算");

    // A task without money gets its own budget: 居民筹资 of 100元 a household from 120 households.
    let lights = task_id(&s, "南门外划定单车停放区").await;
    open_task(&s, &lights).await;
    s.wait_text("#task-funds", "都还没有预算").await;
    s.click("#task-funds details.task-budget > summary").await;
    s.wait_for("#task-funds .fund-form").await;
    type_into(&s, "#task-funds input[name=fund_total]", "1.2万").await;
    select(&s, "#task-funds select[name=source_kind]", "residents").await;
    type_into(&s, "#task-funds input[name=source_per_household]", "100").await;
    type_into(&s, "#task-funds input[name=source_households]", "120").await;
    s.click("#task-funds .save-budget").await;
    s.wait_text("#task-funds .fund-summary", "预算金额 ¥12,000.00").await;
    s.wait_text("#task-funds .fund-summary", "（¥100.00 × 120 户）").await;

    // At the bench: a decision's budget with two sources; sources beyond the total are refused.
    open_meeting(&s, "十一月居民议事会", "bench").await;
    s.click("button.tab[data-tab=decisions]").await;
    s.wait_for("#decision-form textarea").await.send_keys("小区南门加装雨棚").await.expect("decision");
    s.click("#add-decision").await;
    s.wait_text("#decision-list", "小区南门加装雨棚").await;
    s.click("#decision-list .decision:last-child details.decision-budget > summary").await;
    let form = "#decision-list .decision:last-child .fund-form";
    s.wait_for(form).await;
    type_into(&s, &format!("{form} input[name=fund_total]"), "8000").await;
    select(&s, &format!("{form} select[name=source_kind]"), "collective").await;
    type_into(&s, &format!("{form} input[name=source_amount]"), "9000").await;
    s.click(&format!("{form} .save-budget")).await;
    s.wait_text(&format!("{form} .form-error"), "超过了预算").await;
    type_into(&s, &format!("{form} input[name=source_amount]"), "5000").await;
    s.click(&format!("{form} .add-source")).await;
    select(&s, &format!("{form} .fund-source-row:last-child select[name=source_kind]"), "property").await;
    type_into(&s, &format!("{form} .fund-source-row:last-child input[name=source_name]"), "幸福里物业服务中心").await;
    type_into(&s, &format!("{form} .fund-source-row:last-child input[name=source_amount]"), "3000").await;
    s.click(&format!("{form} .save-budget")).await;
    let summary = s.wait_text("#decision-list .decision:last-child .fund-summary", "预算金额 ¥8,000.00").await;
    assert!(summary.contains("幸福里物业服务中心 ¥3,000.00"), "{summary}");
    js(&s, "document.querySelector('#decision-list .decision:last-child').scrollIntoView()").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    s.shot("decision-budget").await;
    s.finish().await;
}
