/** Pipeline at a glance: the Summary's headline numbers, as the server computed them just now. */
import type { SidebarData } from '../core/sidebar/contract';
import { moneyShown, rateShown } from './format';

export function Glance(props: { data: SidebarData }) {
  const { glance, currency } = props.data;
  const kpis: [string, string][] = [
    ['Open pipeline', moneyShown(glance.openPipeline, currency)],
    ['Weighted pipeline', moneyShown(glance.weightedPipeline, currency)],
    ['Won this quarter', moneyShown(glance.wonThisQuarter, currency)],
    ['Win rate', rateShown(glance.winRate)],
    ['Deals open', String(glance.dealsOpen)],
  ];
  return (
    <div>
      <h2>Pipeline at a glance</h2>
      <dl class="kpis">
        {kpis.map(([label, value]) => (
          <div class="kpi" key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p class="gray">
        The Summary sheet (Deal Pipeline › Refresh summary) has the forecast by month, each owner’s numbers
        and the funnel.
      </p>
    </div>
  );
}
