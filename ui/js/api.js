// The only module that talks to the Tauri shell. Every call returns a promise that rejects with
// {code, message} (message in Chinese), never with a raw exception string.
import { S } from './strings.js';

function transport() {
  const t = window.__TAURI_INTERNALS__;
  if (!t || typeof t.invoke !== 'function') {
    throw { code: 'no_shell', message: S.errors.noShell };
  }
  return t;
}

async function call(command, args = {}) {
  try {
    return await transport().invoke(command, args);
  } catch (e) {
    if (e && typeof e === 'object' && 'code' in e && 'message' in e) throw e;
    throw { code: 'unknown', message: S.errors.unknown };
  }
}

export const api = {
  appInfo: () => call('app_info'),
  // The community clock: zone, today, and date fields read back in Chinese order.
  clockInfo: () => call('clock_info'),
  readDate: (field, text, withTime) => call('read_date', { field, text, with_time: withTime }),
  uiReady: () => call('ui_ready'),
  search: (text, limit = 12) => call('search', { query: { text, limit } }),
  loadDemo: () => call('load_demo'),
  rebuildSearchIndex: () => call('rebuild_search_index'),
  // 台账与备份: the shell opens the folder dialog; the UI never sees a path it chose.
  exportArchive: (noticesSince) => call('export_archive', { notices_since: noticesSince }),
  openExportFolder: () => call('open_export_folder'),
  archiveProgress: () => call('archive_progress'),
  verifyArchive: () => call('verify_archive'),
  previewImport: () => call('preview_import'),
  previewImportWithPassphrase: (passphrase, remember) =>
    call('preview_import_with_passphrase', { passphrase, remember }),
  // 归档密码 (设置): the passphrase itself is only sent, never read back.
  passphraseState: () => call('passphrase_state'),
  passphraseStrength: (passphrase) => call('passphrase_strength', { passphrase }),
  setPassphrase: (passphrase) => call('set_passphrase', { passphrase }),
  printPassphraseSheet: () => call('print_passphrase_sheet'),
  setBackupsEncrypted: (on) => call('set_backups_encrypted', { on }),
  confirmImport: () => call('confirm_import'),
  listBackups: () => call('list_backups'),
  restoreBackup: (fileName) => call('restore_backup', { file_name: fileName }),
  restoreFromArchive: () => call('restore_from_archive'),
  // 议题 (topics)
  topicVocab: () => call('topic_vocab'),
  // With mergeInto, the topic is registered and merged into that one in one transaction.
  createTopic: (topic, actor, draftKey, mergeInto = null) => call('create_topic', { topic, actor, draft_key: draftKey, merge_into: mergeInto }),
  updateTopic: (id, topic, actor) => call('update_topic', { id, topic, actor }),
  moveTopic: (id, to, actor, note) => call('move_topic', { id, to, actor, note }),
  mergeTopic: (id, intoId, actor) => call('merge_topic', { id, into_id: intoId, actor }),
  revertTopic: (id, actor, reason) => call('revert_topic', { id, actor, reason }),
  getTopic: (id) => call('get_topic', { id }),
  topicTimeline: (id) => call('topic_timeline', { id }),
  topicHistory: (id) => call('topic_history', { id }),
  caseworkVocab: () => call('casework_vocab'),
  recordEscalation: (topicId, escalation, actor) => call('record_escalation', { topic_id: topicId, escalation, actor }),
  recordEscalationReply: (escalationId, reply, actor) => call('record_escalation_reply', { escalation_id: escalationId, reply, actor }),
  awaitingReplies: () => call('awaiting_replies'),
  unansweredTopics: () => call('unanswered_topics'),
  addTopicNote: (topicId, note, actor) => call('add_topic_note', { topic_id: topicId, note, actor }),
  recordCallback: (topicId, callback, actor) => call('record_callback', { topic_id: topicId, callback, actor }),
  listTopics: (filter) => call('list_topics', { filter }),
  reviewQueue: () => call('review_queue'),
  topicCounts: () => call('topic_counts'),
  similarTopics: (title) => call('similar_topics', { title }),
  // Photos: the shell opens the dialog; bytes come back as an ArrayBuffer.
  pickPhoto: (ownerKind, ownerId) => call('pick_photo', { owner_kind: ownerKind, owner_id: ownerId }),
  listAttachments: (ownerKind, ownerId) => call('list_attachments', { owner_kind: ownerKind, owner_id: ownerId }),
  attachmentData: (id) => call('attachment_data', { id }),
  removeAttachment: (id) => call('remove_attachment', { id }),
  // 设置: community, places, households, roster, catalogue
  communityVocab: () => call('community_vocab'),
  communitySettings: () => call('community_settings'),
  // 二维码图片: upload through the native picker (null when cancelled), remove, preview bytes.
  uploadFeedbackQrPicture: () => call('upload_feedback_qr_picture'),
  clearFeedbackQrPicture: () => call('clear_feedback_qr_picture'),
  feedbackQrPicture: () => call('feedback_qr_picture'),
  saveCommunitySettings: (settings) => call('save_community_settings', { settings }),
  listPlaces: () => call('list_places'),
  addPlace: (place) => call('add_place', { place }),
  renamePlace: (id, name) => call('rename_place', { id, name }),
  listHouseholds: () => call('list_households'),
  addHousehold: (household) => call('add_household', { household }),
  listPeople: () => call('list_people'),
  addPerson: (person) => call('add_person', { person }),
  updatePerson: (id, person) => call('update_person', { id, person }),
  // People who move (issue 21): dated moves, leaving, household edit and 注销.
  peopleVocab: () => call('people_vocab'),
  movePerson: (id, movement) => call('move_person', { id, movement }),
  personLeaves: (id, leaving) => call('person_leaves', { id, leaving }),
  personMoves: (id) => call('person_moves', { id }),
  updateHousehold: (id, household) => call('update_household', { id, household }),
  endHousehold: (id, day) => call('end_household', { id, day }),
  listCategories: (includeRetired) => call('list_categories', { include_retired: includeRetired }),
  addCategory: (parentId, name) => call('add_category', { parent_id: parentId, name }),
  renameCategory: (id, name) => call('rename_category', { id, name }),
  retireCategory: (id) => call('retire_category', { id }),
  // 停用 / 恢复 a place, household or person: register is 'place', 'household' or 'person'.
  retireRecord: (register, id, reason) => call('retire_record', { register, id, reason }),
  restoreRecord: (register, id) => call('restore_record', { register, id }),
  // 会议: meetings, agenda, participants, minutes, votes, decisions
  meetingVocab: () => call('meeting_vocab'),
  createMeeting: (meeting) => call('create_meeting', { meeting }),
  getMeeting: (id) => call('get_meeting', { id }),
  meetingCadence: (id) => call('meeting_cadence', { id }),
  createNextMeeting: (id, actor) => call('create_next_meeting', { id, actor }),
  nextMeeting: () => call('next_meeting'),
  listMeetings: () => call('list_meetings'),
  closeMeeting: (id, actor) => call('close_meeting', { id, actor }),
  startMeeting: (id) => call('start_meeting', { id }),
  reopenMeeting: (id, reason, actor) => call('reopen_meeting', { id, reason, actor }),
  meetingAgenda: (meetingId) => call('meeting_agenda', { meeting_id: meetingId }),
  addAgendaTopic: (meetingId, topicId, actor) => call('add_agenda_topic', { meeting_id: meetingId, topic_id: topicId, actor }),
  addAgendaOther: (meetingId, title) => call('add_agenda_other', { meeting_id: meetingId, title }),
  removeAgendaItem: (itemId, actor) => call('remove_agenda_item', { item_id: itemId, actor }),
  moveAgendaItem: (itemId, direction) => call('move_agenda_item', { item_id: itemId, direction }),
  followupSummary: (meetingId) => call('followup_summary', { meeting_id: meetingId }),
  setFullscreen: (on) => call('set_fullscreen', { on }),
  meetingParticipants: (meetingId) => call('meeting_participants', { meeting_id: meetingId }),
  meetingAttendance: (meetingId) => call('meeting_attendance', { meeting_id: meetingId }),
  participantPatterns: () => call('participant_patterns', {}),
  saveParticipantPattern: (pattern) => call('save_participant_pattern', { pattern }),
  deleteParticipantPattern: (patternId) => call('delete_participant_pattern', { pattern_id: patternId }),
  applyParticipantPattern: (meetingId, patternId) => call('apply_participant_pattern', { meeting_id: meetingId, pattern_id: patternId }),
  invitePastStakeholders: (meetingId, topicId) => call('invite_past_stakeholders', { meeting_id: meetingId, topic_id: topicId }),
  meetingVoters: (meetingId) => call('meeting_voters', { meeting_id: meetingId }),
  setObserver: (participantId, observer) => call('set_observer', { participant_id: participantId, observer }),
  inviteCoreMembers: (meetingId) => call('invite_core_members', { meeting_id: meetingId }),
  inviteStakeholder: (meetingId, personId, topicId) => call('invite_stakeholder', { meeting_id: meetingId, person_id: personId, topic_id: topicId }),
  signIn: (participantId) => call('sign_in', { participant_id: participantId }),
  undoSignIn: (participantId) => call('undo_sign_in', { participant_id: participantId }),
  addWalkIn: (meetingId, name, roleLabel) => call('add_walk_in', { meeting_id: meetingId, name, role_label: roleLabel }),
  addSpeaker: (itemId, speaker) => call('add_speaker', { item_id: itemId, speaker }),
  speakerQuickPick: (meetingId) => call('speaker_quick_pick', { meeting_id: meetingId }),
  saveMinutes: (itemId, text) => call('save_minutes', { item_id: itemId, text }),
  getMinutes: (itemId) => call('get_minutes', { item_id: itemId }),
  minutesRevisions: (itemId) => call('minutes_revisions', { item_id: itemId }),
  restoreMinutesRevision: (revisionId) => call('restore_minutes_revision', { revision_id: revisionId }),
  evaluateVote: (input) => call('evaluate_vote', { input }),
  recordVote: (itemId, input) => call('record_vote', { item_id: itemId, input }),
  recordHouseholdVote: (itemId, ticks, eligible, rule, quorum) => call('record_household_vote', { item_id: itemId, ticks, eligible, rule, quorum }),
  recordVoteInParts: (itemId, vote) => call('record_vote_in_parts', { item_id: itemId, vote }),
  addVotePart: (voteId, part) => call('add_vote_part', { vote_id: voteId, part }),
  recordElection: (itemId, election) => call('record_election', { item_id: itemId, election }),
  itemElections: (itemId) => call('item_elections', { item_id: itemId }),
  personTerms: (personId) => call('person_terms', { person_id: personId }),
  termsInForce: () => call('terms_in_force'),
  itemVotes: (itemId) => call('item_votes', { item_id: itemId }),
  householdCount: () => call('household_count'),
  addDecision: (itemId, decision) => call('add_decision', { item_id: itemId, decision }),
  addTask: (decisionId, task) => call('add_task', { decision_id: decisionId, task }),
  itemDecisions: (itemId) => call('item_decisions', { item_id: itemId }),
  // Print commands take `omit` (“去掉这些字符后打印”): leave out characters no font has.
  // `maskNames` (true/false) overrides a notice's default for names (王*兰); null = default.
  // `choices`: { mask_names, supervisors, qr, format } (format 'pdf', 'docx' or 'png').
  printMeetingDoc: (kind, id, title, omit = false, choices = {}) =>
    call('print_meeting_doc', { kind, id, title, omit_missing: omit, choices }),
  // 复制图片: the notice as PNG bytes (an ArrayBuffer).
  meetingDocImage: (kind, id, omit = false, choices = {}) =>
    call('meeting_doc_image', { kind, id, omit_missing: omit, choices }),
  // 公示: composer (drafts, templates), preview (PDF bytes), issue, print, save as, 台账
  noticeDefaults: () => call('notice_defaults'),
  checkNotice: (content) => call('check_notice', { content }),
  previewNotice: (content, omit = false) => call('preview_notice', { content, omit_missing: omit }),
  issueNotice: (content, draftId, replaces, omit = false) => call('issue_notice', { content, draft_id: draftId, replaces, omit_missing: omit }),
  noticePdf: (id) => call('notice_pdf', { id }),
  printNotice: (id) => call('print_notice', { id }),
  saveNoticeAs: (id, format = 'pdf') => call('save_notice_as', { id, format }),
  noticeImage: (id) => call('notice_image', { id }),
  noticeSpec: (id) => call('notice_spec', { id }),
  listNotices: () => call('list_notices'),
  noticeHomeFlags: () => call('notice_home_flags'),
  noticeBoards: () => call('notice_boards'),
  recordNoticePosting: (id, where, at, withPhoto) => call('record_notice_posting', { id, posted_where: where, posted_at: at, with_photo: withPhoto }),
  recordNoticeTakenDown: (id, at) => call('record_notice_taken_down', { id, taken_down_at: at }),
  saveNoticeDraft: (id, content) => call('save_notice_draft', { id, content }),
  listNoticeDrafts: () => call('list_notice_drafts'),
  saveNoticeTemplate: (name, content) => call('save_notice_template', { name, content }),
  listNoticeTemplates: () => call('list_notice_templates'),
  startNoticeFromTemplate: (templateId, draftId) => call('start_notice_from_template', { template_id: templateId, draft_id: draftId }),
  // Other sections' print buttons: record the notice in the 台账, then printNotice / saveNoticeAs by its id.
  issueNoticeFromRecord: (kind, id, omit = false) => call('issue_notice_from_record', { kind, id, omit_missing: omit }),
  // ——— 办理 · 民事民评 · 公约 · 统计 · 积分 ———
  followupVocab: () => call('followup_vocab'),
  taskBoard: (filter) => call('task_board', { filter }),
  followupCounts: () => call('followup_counts'),
  taskPage: (id) => call('task_page', { id }),
  setTaskStatus: (id, status, reason, actor) => call('set_task_status', { id, status, reason, actor }),
  addTaskNote: (id, note, actor) => call('add_task_note', { id, note, actor }),
  extendTaskDeadline: (id, deadline, reason, actor) => call('extend_task_deadline', { id, deadline, reason, actor }),
  reassignTask: (id, unit, person, reason, actor) => call('reassign_task', { id, responsible_unit: unit, person_in_charge: person, reason, actor }),
  taskChanges: (id) => call('task_changes', { id }),
  // 会后增补: the meeting stays closed; who and why go into the task's history.
  addTaskAfterMeeting: (decisionId, task, reason, actor) => call('add_task_after_meeting', { decision_id: decisionId, task, reason, actor }),
  printProgress: (taskIds, omit = false, format = 'pdf', qr = null) => call('print_progress', { task_ids: taskIds, omit_missing: omit, format, qr }),
  satisfactionRate: (s, b, u) => call('satisfaction_rate', { satisfied: s, basically_satisfied: b, unsatisfied: u }),
  recordEvaluation: (evaluation, actor) => call('record_evaluation', { evaluation, actor }),
  closeWithoutEvaluation: (topicId, reason, actor) => call('close_without_evaluation', { topic_id: topicId, reason, actor }),
  topicEvaluations: (topicId) => call('topic_evaluations', { topic_id: topicId }),
  listConventions: () => call('list_conventions'),
  conventionPage: (id) => call('convention_page', { id }),
  createConvention: (title, text) => call('create_convention', { title, text }),
  saveConventionVersion: (id, text, note) => call('save_convention_version', { id, text, note }),
  postConvention: (id, from, to) => call('post_convention', { id, from, to }),
  addConventionFeedback: (id, feedback) => call('add_convention_feedback', { id, feedback }),
  respondConventionFeedback: (feedbackId, response) => call('respond_convention_feedback', { feedback_id: feedbackId, response }),
  adoptConvention: (id, versionNo, meetingId) => call('adopt_convention', { id, version_no: versionNo, meeting_id: meetingId }),
  printConvention: (id, omit = false, format = 'pdf', qr = null) => call('print_convention', { id, omit_missing: omit, format, qr }),
  yearStats: (year, placeId) => call('year_stats', { year, place_id: placeId }),
  periodStats: (period, placeId) => call('period_stats', { period, place_id: placeId }),
  printYearReport: (year, placeId, omit = false, format = 'pdf') => call('print_year_report', { year, place_id: placeId, omit_missing: omit, format }),
  pointsLedger: (personId) => call('points_ledger', { person_id: personId }),
  creditPoints: (personId, points, source, reason) => call('credit_points', { person_id: personId, points, source, reason }),
  redeemPoints: (personId, points, what) => call('redeem_points', { person_id: personId, points, what }),
  pointsRules: () => call('points_rules'),
  savePointsRules: (rules) => call('save_points_rules', { rules }),
  pointsRanking: (year) => call('points_ranking', { year }),
  printPointsTable: (year, maskNames, omit = false, format = 'pdf', qr = null) => call('print_points_table', { year, mask_names: maskNames, omit_missing: omit, format, qr }),
  openSavedPdf: () => call('open_saved_pdf'),
  // ——— 资金 (issue 16): amounts go as typed text, come back as whole fen ———
  fundsVocab: () => call('funds_vocab'),
  fundBudget: (owner) => call('fund_budget', { owner }),
  setFundBudget: (owner, budget, actor) => call('set_fund_budget', { owner, budget, actor }),
  taskFunds: (taskId) => call('task_funds', { task_id: taskId }),
  recordFundSpend: (taskId, spend, actor) => call('record_fund_spend', { task_id: taskId, spend, actor }),
  addFundInKind: (owner, item, actor) => call('add_fund_in_kind', { owner, item, actor }),
  annualFund: (year, kind) => call('annual_fund', { year, kind }),
  setFundAllocation: (year, kind, amount, note, actor) => call('set_fund_allocation', { year, kind, amount, note, actor }),
  overBudgetTasks: () => call('over_budget_tasks'),
  // ——— end 办理 ———
  // ——— 方案 (issue 22): a topic's plan, its versions, opinions, comments and answers ———
  planAspects: () => call('plan_aspects'),
  topicPlan: (topicId) => call('topic_plan', { topic_id: topicId }),
  savePlan: (topicId, plan, actor) => call('save_plan', { topic_id: topicId, plan, actor }),
  addPlanOpinion: (topicId, opinion, actor) => call('add_plan_opinion', { topic_id: topicId, opinion, actor }),
  addPlanComment: (topicId, comment, actor) => call('add_plan_comment', { topic_id: topicId, comment, actor }),
  answerPlanComment: (commentId, answer, actor) => call('answer_plan_comment', { comment_id: commentId, answer, actor }),
};
