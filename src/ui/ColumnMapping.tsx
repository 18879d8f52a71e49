import { remapProject } from '../app/startApp.ts';
import type { MerchantColumns } from '../core/manifest/types.ts';
import type { MessageKey } from '../i18n/messages.ts';
import { useAppStore } from '../store/appStore.ts';
import { useFormatter } from '../store/selectors.ts';

const FIELDS: readonly { readonly field: keyof MerchantColumns; readonly label: MessageKey }[] = [
  { field: 'id', label: 'mapping.id' },
  { field: 'name', label: 'mapping.name' },
  { field: 'category', label: 'mapping.category' },
  { field: 'lat', label: 'mapping.lat' },
  { field: 'lon', label: 'mapping.lon' },
  { field: 'hasQr', label: 'mapping.hasQr' },
  { field: 'areaCode', label: 'mapping.areaCode' },
  { field: 'areaName', label: 'mapping.areaName' },
  { field: 'qrProvider', label: 'mapping.qrProvider' },
  { field: 'txCountMonth', label: 'mapping.txCountMonth' },
];

/** Which column or property was read for each field, with a choice to correct a wrong guess (the map is rebuilt). */
export function ColumnMapping() {
  const f = useFormatter();
  const report = useAppStore((s) => s.project?.report);
  if (!report) return null;
  const { columns, areaProperties } = report;
  const none = f.t('mapping.unused');
  return (
    <section aria-labelledby="mapping-title">
      <h3 id="mapping-title">{f.t('mapping.title')}</h3>
      <p className="muted">{f.t('mapping.hint')}</p>
      <div className="mapping-grid">
        <Choice id="map-area-code" label={f.t('mapping.areaCodeProperty')} value={areaProperties.code} options={areaProperties.available} onChange={(value) => void remapProject({ areaCode: value })} />
        <Choice id="map-area-name" label={f.t('mapping.areaNameProperty')} value={areaProperties.name} options={areaProperties.available} onChange={(value) => void remapProject({ areaName: value })} />
        {columns &&
          FIELDS.map(({ field, label }) => (
            <Choice
              key={field}
              id={`map-${field}`}
              label={f.t(label)}
              value={columns.chosen[field] ?? ''}
              options={columns.header}
              unused={none}
              onChange={(value) => void remapProject({ columns: { [field]: value } })}
            />
          ))}
      </div>
    </section>
  );
}

function Choice(props: { id: string; label: string; value: string; options: readonly string[]; unused?: string; onChange: (value: string) => void }) {
  return (
    <div className="mapping-choice">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(event) => props.onChange(event.target.value)}>
        {props.unused !== undefined && <option value="">{props.unused}</option>}
        {props.options.map((name, i) => <option key={`${i}-${name}`} value={name}>{name}</option>)}
      </select>
    </div>
  );
}
