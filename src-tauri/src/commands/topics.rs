//! 议题: intake, the review queue, the list, the detail and its timeline.

use serde::Serialize;
use tauri::State;
use yishi_core::topics::{self, Channel, HandlingClass, NewTopic, Scale, Topic, TopicEvent, TopicFilter, TopicStatus};

use crate::error::CommandResult;
use crate::state::AppState;

/// One choice of a closed list: the stored value and the Chinese label.
#[derive(Serialize)]
pub struct Choice {
    value: &'static str,
    label: &'static str,
    /// The verb of a timeline line (statuses only).
    #[serde(skip_serializing_if = "str::is_empty")]
    action: &'static str,
    /// Whether the status is still open (statuses only).
    #[serde(skip_serializing_if = "Option::is_none")]
    open: Option<bool>,
}

#[derive(Serialize)]
pub struct TopicVocab {
    channels: Vec<Choice>,
    handling_classes: Vec<Choice>,
    scales: Vec<Choice>,
    statuses: Vec<Choice>,
}

#[derive(Serialize)]
pub struct StatusCount {
    status: TopicStatus,
    count: i64,
}

pub(crate) fn choices<T: Copy>(all: &[T], value: fn(T) -> &'static str, label: fn(T) -> &'static str) -> Vec<Choice> {
    all.iter().map(|&v| Choice { value: value(v), label: label(v), action: "", open: None }).collect()
}

/// The closed lists with their Chinese labels, so the UI never keeps a second copy.
#[tauri::command(rename_all = "snake_case")]
pub fn topic_vocab() -> TopicVocab {
    TopicVocab {
        channels: choices(Channel::ALL, Channel::as_str, Channel::label),
        handling_classes: choices(HandlingClass::ALL, HandlingClass::as_str, HandlingClass::label),
        scales: choices(Scale::ALL, Scale::as_str, Scale::label),
        statuses: TopicStatus::ALL
            .iter()
            .map(|&s| Choice { value: s.as_str(), label: s.label(), action: s.action_label(), open: Some(s.is_open()) })
            .collect(),
    }
}

#[tauri::command(rename_all = "snake_case")]
pub fn create_topic(
    state: State<'_, AppState>,
    topic: NewTopic,
    actor: String,
    draft_key: Option<String>,
    merge_into: Option<String>,
) -> CommandResult<Topic> {
    let draft = draft_key.as_deref();
    state.with_store(|store| {
        Ok(store.write(|tx| match &merge_into {
            Some(into) => topics::register_into(tx, &topic, &actor, draft, into),
            None => topics::register(tx, &topic, &actor, draft),
        })?)
    })
}

#[tauri::command(rename_all = "snake_case")]
pub fn update_topic(state: State<'_, AppState>, id: String, topic: NewTopic, actor: String) -> CommandResult<Topic> {
    state.with_store(|store| Ok(store.write(|tx| topics::update(tx, &id, &topic, &actor))?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn move_topic(
    state: State<'_, AppState>,
    id: String,
    to: TopicStatus,
    actor: String,
    note: String,
) -> CommandResult<Topic> {
    state.with_store(|store| Ok(store.write(|tx| topics::move_to(tx, &id, to, &actor, &note))?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn merge_topic(state: State<'_, AppState>, id: String, into_id: String, actor: String) -> CommandResult<Topic> {
    state.with_store(|store| Ok(store.write(|tx| topics::merge(tx, &id, &into_id, &actor))?))
}

/// 撤销 / 撤回审定: the review decision taken back, with its reason.
#[tauri::command(rename_all = "snake_case")]
pub fn revert_topic(state: State<'_, AppState>, id: String, actor: String, reason: String) -> CommandResult<Topic> {
    state.with_store(|store| Ok(store.write(|tx| topics::revert_review(tx, &id, &actor, &reason))?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn get_topic(state: State<'_, AppState>, id: String) -> CommandResult<Topic> {
    state.with_store(|store| Ok(topics::get(store.conn(), &id)?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn topic_timeline(state: State<'_, AppState>, id: String) -> CommandResult<Vec<TopicEvent>> {
    state.with_store(|store| Ok(topics::timeline(store.conn(), &id)?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn list_topics(state: State<'_, AppState>, filter: Option<TopicFilter>) -> CommandResult<Vec<Topic>> {
    state.with_store(|store| Ok(topics::list(store.conn(), &filter.unwrap_or_default())?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn review_queue(state: State<'_, AppState>) -> CommandResult<Vec<Topic>> {
    state.with_store(|store| Ok(topics::review_queue(store.conn())?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn topic_counts(state: State<'_, AppState>) -> CommandResult<Vec<StatusCount>> {
    state.with_store(|store| {
        let counts = topics::counts_by_status(store.conn())?;
        Ok(counts.into_iter().map(|(status, count)| StatusCount { status, count }).collect())
    })
}

/// Open topics like the title being typed, for the “合并到此议题” hint.
#[tauri::command(rename_all = "snake_case")]
pub fn similar_topics(state: State<'_, AppState>, title: String) -> CommandResult<Vec<Topic>> {
    state.with_store(|store| Ok(topics::similar_open(store.conn(), &title)?))
}
