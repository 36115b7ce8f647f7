//! 方案 (issue 22): a topic's plan before the vote — versions, 评审 opinions, residents'
//! comments and their answers. Each command calls one `plans` function.

use tauri::State;
use yishi_core::plans::{self, Aspect, NewAnswer, NewComment, NewOpinion, NewVersion, Plan};

use super::topics::{choices, Choice};
use crate::error::CommandResult;
use crate::state::AppState;

/// 合法性 / 合理性 / 成本 / 其他, with the core's labels.
#[tauri::command(rename_all = "snake_case")]
pub fn plan_aspects() -> Vec<Choice> {
    choices(Aspect::ALL, Aspect::as_str, Aspect::label)
}

/// The topic's plan with every version, opinion and comment; null when it has none.
#[tauri::command(rename_all = "snake_case")]
pub fn topic_plan(state: State<'_, AppState>, topic_id: String) -> CommandResult<Option<Plan>> {
    state.with_store(|store| Ok(plans::get(store.conn(), &topic_id)?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn save_plan(state: State<'_, AppState>, topic_id: String, plan: NewVersion, actor: String) -> CommandResult<Plan> {
    state.with_store(|store| Ok(store.write(|tx| plans::save(tx, &topic_id, &plan, &actor))?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn add_plan_opinion(
    state: State<'_, AppState>,
    topic_id: String,
    opinion: NewOpinion,
    actor: String,
) -> CommandResult<Plan> {
    state.with_store(|store| Ok(store.write(|tx| plans::add_opinion(tx, &topic_id, &opinion, &actor))?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn add_plan_comment(
    state: State<'_, AppState>,
    topic_id: String,
    comment: NewComment,
    actor: String,
) -> CommandResult<Plan> {
    state.with_store(|store| Ok(store.write(|tx| plans::add_comment(tx, &topic_id, &comment, &actor))?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn answer_plan_comment(
    state: State<'_, AppState>,
    comment_id: String,
    answer: NewAnswer,
    actor: String,
) -> CommandResult<Plan> {
    state.with_store(|store| Ok(store.write(|tx| plans::answer(tx, &comment_id, &answer, &actor))?))
}
