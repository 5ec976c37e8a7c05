/** Flows as the stand-in keeps them, and the record of each run. */

export type FlowStatus = 'draft' | 'manual' | 'live';
export type ActionStatus = 'disabled' | 'draft' | 'live' | 'manual';

/** One action of a stored definition: Klaviyo's shape, `temporary_id` replaced by `id`. */
export interface FlowAction {
  id: string;
  type: string;
  links?: { next?: string | null } | null;
  data?: Record<string, unknown> | null;
  [key: string]: unknown;
}

export interface FlowDefinition {
  triggers: Array<Record<string, unknown> & { type: string; id?: string | null }>;
  profile_filter?: {
    condition_groups: Array<{ conditions: Array<Record<string, unknown>> }>;
  } | null;
  actions: FlowAction[];
  entry_action_id: string | null;
  reentry_criteria?: unknown;
}

export interface StoredFlow {
  id: string;
  name: string;
  status: FlowStatus;
  archived: boolean;
  /** ISO 8601 */
  created: string;
  updated: string;
  triggerType:
    'Metric' | 'Added to List' | 'Date Based' | 'Low Inventory' | 'Price Drop' | 'Unconfigured';
  definition: FlowDefinition;
}

export interface ActionOutcome {
  actionId: string;
  type: string;
  /** `done` ran; `skipped` did not (see `reason`); `failed` ran and failed. */
  outcome: 'done' | 'skipped' | 'failed';
  reason: string | null;
  /** send-webhook: the HTTP status answered (0 when no answer). */
  httpStatus?: number;
}

export interface FlowRun {
  id: string;
  flowId: string;
  eventId: string;
  profileId: string;
  /** `ran` went through its actions; `filtered` the profile filter kept the profile out. */
  outcome: 'ran' | 'filtered';
  reason: string | null;
  actions: ActionOutcome[];
  /** ISO 8601 */
  at: string;
}
