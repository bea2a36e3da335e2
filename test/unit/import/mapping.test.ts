import { describe, expect, it } from 'vitest';

import { proposeColumns, proposeSourceId, proposeStages } from '../../../src/core/import/mapping';
import { DEFAULT_STAGE_TABLE } from '../../../src/core/stage-table';

describe('proposing where a source’s columns go', () => {
  it('maps Deals headers by name, whatever the case and punctuation', () => {
    expect(proposeColumns(['deal', 'COMPANY', 'Follow-up', 'close_date', ' Amount '])).toEqual({
      deal: { field: 'deal' },
      COMPANY: { field: 'company' },
      'Follow-up': { field: 'followUp' },
      close_date: { field: 'closeDate' },
      ' Amount ': { field: 'amount' },
    });
  });

  it('maps the words trackers and CRM exports use', () => {
    expect(
      proposeColumns([
        'Deal size',
        'Sales stage',
        'Deal Owner',
        'Customer',
        'Close Date/Expected Close Date',
        'Next Steps',
        'engage_date',
      ]),
    ).toEqual({
      'Deal size': { field: 'amount' },
      'Sales stage': { field: 'stage' },
      'Deal Owner': { field: 'owner' },
      Customer: { field: 'company' },
      'Close Date/Expected Close Date': { field: 'closeDate' },
      'Next Steps': { field: 'nextStep' },
      engage_date: { field: 'created' },
    });
    expect(proposeColumns(['close_value', 'deal_stage', 'sales_agent', 'account', 'Value'])).toEqual({
      close_value: { field: 'amount' },
      deal_stage: { field: 'stage' },
      sales_agent: { field: 'owner' },
      account: { field: 'company' },
      Value: null,
    });
  });

  it('keeps a source ID column under its own name and never maps ID or Stage Since', () => {
    const columns = proposeColumns(['opportunity_id', 'ID', 'Stage Since', 'Country', '']);
    expect(columns).toEqual({
      opportunity_id: { keep: true },
      ID: { keep: true },
      'Stage Since': null,
      Country: null,
    });
    expect(proposeSourceId(columns)).toBe('opportunity_id');
    expect(proposeSourceId({ Country: null, Stage: { field: 'stage' } })).toBeNull();
  });

  it('skips blank headers, and reads words apart however they are separated', () => {
    expect(proposeColumns(['  ', 'Deal  Size', 'close__date', 'Sales-Stage'])).toEqual({
      'Deal  Size': { field: 'amount' },
      close__date: { field: 'closeDate' },
      'Sales-Stage': { field: 'stage' },
    });
  });

  it('takes as the source ID only a kept column with an ID name', () => {
    expect(proposeSourceId({ ID: null, 'Deal ID': { field: 'notes' }, Ref: { keep: true } })).toBeNull();
    expect(proposeSourceId({ Ref: { keep: true }, 'Record ID': { keep: true } })).toBe('Record ID');
  });

  it('gives each field to the first column that names it', () => {
    expect(proposeColumns(['Amount', 'Deal size', 'Amount'])).toEqual({
      Amount: { field: 'amount' },
      'Deal size': null,
    });
  });
});

describe('proposing which stage each source stage becomes', () => {
  it('takes a stage of the same name, then won and lost by their usual words', () => {
    expect(
      proposeStages(['proposal', 'Won', 'Closed Lost', 'signed', 'dead', ' Lead '], DEFAULT_STAGE_TABLE),
    ).toEqual({
      proposal: 'Proposal',
      Won: 'Closed Won',
      'Closed Lost': 'Closed Lost',
      signed: 'Closed Won',
      dead: 'Closed Lost',
      Lead: 'Lead',
    });
  });

  it('puts other open stages at the same point of the pipeline, else first', () => {
    expect(
      proposeStages(
        ['Identified', 'Validated', 'Engaging', 'Prospecting', 'Demo', 'Verbal', 'Mystery', ''],
        DEFAULT_STAGE_TABLE,
      ),
    ).toEqual({
      Identified: 'Lead',
      Validated: 'Qualified',
      Engaging: 'Qualified',
      Prospecting: 'Lead',
      Demo: 'Proposal',
      Verbal: 'Negotiation',
      Mystery: 'Lead',
    });
  });

  it('takes a team’s own stage names by name before any word', () => {
    const own = {
      stages: [
        { ...DEFAULT_STAGE_TABLE.stages[0]!, name: 'Intake' },
        { ...DEFAULT_STAGE_TABLE.stages[1]!, name: 'Discovery' },
        DEFAULT_STAGE_TABLE.stages[4]!,
      ],
    };
    expect(proposeStages(['discovery', 'Qualified'], own)).toEqual({
      discovery: 'Discovery',
      Qualified: 'Intake',
    });
    expect(proposeStages(['Mystery'], { stages: [DEFAULT_STAGE_TABLE.stages[4]!] })).toEqual({
      Mystery: null,
    });
  });

  it('leaves won or lost unmapped when the table has no such stage', () => {
    const openOnly = { stages: DEFAULT_STAGE_TABLE.stages.filter((s) => s.kind === 'open') };
    expect(proposeStages(['Won', 'Lost', 'Lead'], openOnly as typeof DEFAULT_STAGE_TABLE)).toEqual({
      Won: null,
      Lost: null,
      Lead: 'Lead',
    });
  });
});
