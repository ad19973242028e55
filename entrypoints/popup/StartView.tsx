import type { Group } from '../../glossary/browse';
import { listLabel } from '../../glossary/browse';
import type { Category, Entry } from '../../glossary/schema';
import { categoryLabel, t } from '../../utils/i18n';

/** The empty search: recently viewed terms, the topics with their counts, and a mission picker. */
export function StartView(props: {
  recent: Entry[];
  onOpen: (entry: Entry) => void;
  onCategory: (category: Category) => void;
  onMission: (id: string) => void;
  topics: Group[];
  missions: Group[];
  count: number;
}) {
  return (
    <div class="start">
      {props.recent.length > 0 && (
        <>
          <h2>{t('recent')}</h2>
          <ul class="chips">
            {props.recent.map((entry) => (
              <li key={entry.id}>
                <button type="button" class="chip" onClick={() => props.onOpen(entry)}>
                  {entry.acronym ?? entry.nl.term}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>{t('categories')}</h2>
      <ul class="chips">
        {props.topics.map(({ key, entries }) => (
          <li key={key}>
            <button type="button" class="chip" onClick={() => props.onCategory(key as Category)}>
              {categoryLabel(key)} <span class="count">{entries.length}</span>
            </button>
          </li>
        ))}
      </ul>
      <label class="mission-pick">
        {t('browseBy_mission')}{' '}
        <select
          value=""
          onChange={(event) => {
            if (event.currentTarget.value) props.onMission(event.currentTarget.value);
          }}
        >
          <option value="">{t('chooseMission')}</option>
          {props.missions.map((group) => (
            <option key={group.key} value={group.key}>
              {group.mission ? listLabel(group.mission) : group.key} ({group.entries.length})
            </option>
          ))}
        </select>
      </label>
      <p class="hint">{t('termsInGlossary', String(props.count))}</p>
    </div>
  );
}
