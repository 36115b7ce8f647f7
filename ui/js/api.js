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
  // 议题 (topics)
  topicVocab: () => call('topic_vocab'),
  createTopic: (topic, actor, draftKey) => call('create_topic', { topic, actor, draft_key: draftKey }),
  updateTopic: (id, topic, actor) => call('update_topic', { id, topic, actor }),
  moveTopic: (id, to, actor, note) => call('move_topic', { id, to, actor, note }),
  mergeTopic: (id, intoId, actor) => call('merge_topic', { id, into_id: intoId, actor }),
  getTopic: (id) => call('get_topic', { id }),
  topicTimeline: (id) => call('topic_timeline', { id }),
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
  saveCommunitySettings: (settings) => call('save_community_settings', { settings }),
  listPlaces: () => call('list_places'),
  addPlace: (place) => call('add_place', { place }),
  renamePlace: (id, name) => call('rename_place', { id, name }),
  listHouseholds: () => call('list_households'),
  addHousehold: (household) => call('add_household', { household }),
  listPeople: () => call('list_people'),
  addPerson: (person) => call('add_person', { person }),
  updatePerson: (id, person) => call('update_person', { id, person }),
  listCategories: (includeRetired) => call('list_categories', { include_retired: includeRetired }),
  addCategory: (parentId, name) => call('add_category', { parent_id: parentId, name }),
  renameCategory: (id, name) => call('rename_category', { id, name }),
  retireCategory: (id) => call('retire_category', { id }),
};
