//! Between the meetings: notes on a topic, 回访 of 即办件, the topic's whole history.

use serde::Serialize;
use tauri::State;
use yishi_core::casework::{
    self, AwaitingReply, CallbackReport, ContactMethod, EscalatedTo, Escalation, HistoryLine, NewCallback,
    NewEscalation, NewReply, NewTopicNote, ReplyOutcome, ReplyReport, TopicNote, Unanswered,
};

use super::topics::{choices, Choice};
use crate::clock;
use crate::error::CommandResult;
use crate::state::AppState;

#[derive(Serialize)]
pub struct CaseworkVocab {
    /// 走访 / 电话 / 微信 / 来访.
    methods: Vec<Choice>,
    /// 街道 / 部门 / 12345.
    escalated_to: Vec<Choice>,
    outcomes: Vec<Choice>,
}

/// The closed lists of the notes, 回访 and 上报 forms with their Chinese labels.
#[tauri::command(rename_all = "snake_case")]
pub fn casework_vocab() -> CaseworkVocab {
    CaseworkVocab {
        methods: choices(ContactMethod::ALL, ContactMethod::as_str, ContactMethod::label),
        escalated_to: choices(EscalatedTo::ALL, EscalatedTo::as_str, EscalatedTo::label),
        outcomes: choices(ReplyOutcome::ALL, ReplyOutcome::as_str, ReplyOutcome::label),
    }
}

#[tauri::command(rename_all = "snake_case")]
pub fn add_topic_note(
    state: State<'_, AppState>,
    topic_id: String,
    note: NewTopicNote,
    actor: String,
) -> CommandResult<TopicNote> {
    state.with_store(|store| Ok(store.write(|tx| casework::add_note(tx, &topic_id, &note, &actor))?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn record_callback(
    state: State<'_, AppState>,
    topic_id: String,
    callback: NewCallback,
    actor: String,
) -> CommandResult<CallbackReport> {
    state.with_store(|store| Ok(store.write(|tx| casework::record_callback(tx, &topic_id, &callback, &actor))?))
}

/// The timeline with the notes and 回访 between its status changes.
#[tauri::command(rename_all = "snake_case")]
pub fn topic_history(state: State<'_, AppState>, id: String) -> CommandResult<Vec<HistoryLine>> {
    state.with_store(|store| Ok(casework::history(store.conn(), &id)?))
}

/// Where an 已上报 topic went (the topic stays 已上报).
#[tauri::command(rename_all = "snake_case")]
pub fn record_escalation(
    state: State<'_, AppState>,
    topic_id: String,
    escalation: NewEscalation,
    actor: String,
) -> CommandResult<Escalation> {
    state.with_store(|store| {
        let today = clock::today(store);
        Ok(store.write(|tx| casework::record_escalation(tx, &topic_id, &escalation, &actor, today))?)
    })
}

/// The reply to a 上报件: it closes the topic or brings it back to the agenda.
#[tauri::command(rename_all = "snake_case")]
pub fn record_escalation_reply(
    state: State<'_, AppState>,
    escalation_id: String,
    reply: NewReply,
    actor: String,
) -> CommandResult<ReplyReport> {
    state.with_store(|store| {
        let today = clock::today(store);
        Ok(store.write(|tx| casework::record_reply(tx, &escalation_id, &reply, &actor, today))?)
    })
}

/// 上报件 past their follow-up day without a reply (该催办了).
#[tauri::command(rename_all = "snake_case")]
pub fn awaiting_replies(state: State<'_, AppState>) -> CommandResult<Vec<AwaitingReply>> {
    state.with_store(|store| Ok(casework::awaiting_reply(store.conn(), clock::today(store))?))
}

/// 件件有回音: topics owing whoever raised them an answer that have none.
#[tauri::command(rename_all = "snake_case")]
pub fn unanswered_topics(state: State<'_, AppState>) -> CommandResult<Vec<Unanswered>> {
    state.with_store(|store| Ok(casework::unanswered(store.conn())?))
}
