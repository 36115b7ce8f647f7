// What the topic screens look names up in: the closed lists (from the core, with labels), the
// catalogue, places and roster. Loaded once per visit of the section.
import { api } from './api.js';
import { S } from './strings.js';

export async function loadLookups() {
  const [vocab, categories, allCategories, places, people] = await Promise.all([
    api.topicVocab(), api.listCategories(false), api.listCategories(true), api.listPlaces(), api.listPeople(),
  ]);
  const label = (list, value) => (list.find((c) => c.value === value) || {}).label || '';
  const byId = (list, id) => list.find((x) => x.id === id);
  return {
    vocab, categories, places, people,
    channel: (v) => label(vocab.channels, v),
    handling: (v) => label(vocab.handling_classes, v),
    scale: (v) => label(vocab.scales, v),
    status: (v) => label(vocab.statuses, v),
    isOpen: (v) => Boolean((vocab.statuses.find((c) => c.value === v) || {}).open),
    action: (v) => (vocab.statuses.find((c) => c.value === v) || {}).action || '',
    // Retired categories stay readable on old topics.
    categoryName: (id) => categoryPath(allCategories, id),
    placePath: (id) => (byId(places, id) || {}).path || '',
    categoryChoices: () => categories.map((c) => ({ value: c.id, label: categoryPath(categories, c.id) })),
    // Retired places are not offered for new records; `keepId` keeps the one a record has.
    placeChoices: (keepId) => places.filter((p) => !p.retired || p.id === keepId).map((p) => ({ value: p.id, label: p.path })),
    // Filters of old records offer retired places too: their topics are still there.
    allPlaceChoices: () => places.map((p) => ({ value: p.id, label: p.retired ? `${p.path}（${S.retire.retired}）` : p.path })),
    activePeople: () => people.filter((p) => !p.retired),
  };
}

function categoryPath(list, id) {
  const c = list.find((x) => x.id === id);
  if (!c) return '';
  const parent = c.parent_id ? list.find((x) => x.id === c.parent_id) : null;
  return parent ? `${parent.name} / ${c.name}` : c.name;
}
