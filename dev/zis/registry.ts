/**
 * What the ZIS stand-in holds for one Zendesk account: integrations with their uploaded bundle,
 * job specs (installed or not, and job specs orphaned by an upload that still intercept events),
 * inbound webhooks, OAuth connections, configs, and the run log.
 */
import type { ZisBundle, ZisFlowDefinition, ZisHttpDefinition } from '../../src/inbound/zis-types';
import type { RunLog } from './runner';

export interface JobSpecRecord {
  name: string;
  event_source: string;
  event_type: string;
  flow_name: string;
  installed: boolean;
}

export interface ConnectionRecord {
  name: string;
  accessToken: string | null;
  refreshToken: string | null;
  /** ms since epoch. */
  tokenExpiry: number | null;
  createdBy: number;
}

export interface IntegrationRecord {
  name: string;
  description: string;
  oauthClientId: number;
  bundle: ZisBundle | null;
  actions: Map<string, ZisHttpDefinition>;
  flows: Map<string, ZisFlowDefinition>;
  jobSpecs: Map<string, JobSpecRecord>;
  /**
   * Job specs that were installed when a new bundle was uploaded: they no longer read as
   * installed, but keep routing events to the flow they were installed with until the job spec
   * is installed again or uninstalled (as observed in production).
   */
  orphans: Map<string, { event_source: string; event_type: string; flow: ZisFlowDefinition }>;
  configs: Map<string, unknown>;
  connections: Map<string, ConnectionRecord>;
}

export interface WebhookRecord {
  id: string;
  uuid: string;
  integration: string;
  token: string;
  username: string;
  password: string;
  source_system: string;
  event_type: string;
}

export interface PendingConsent {
  integration: string;
  name: string;
  returnUrl: string;
  scopes: string[];
  offline: boolean;
}

export interface ZisRegistry {
  integrations: Map<string, IntegrationRecord>;
  webhooks: Map<string, WebhookRecord>;
  consents: Map<string, PendingConsent>;
  /** Integration names other Zendesk accounts own (ZIS names are global). */
  takenNames: Set<string>;
  /** When false, ZIS answers as on a plan without Integration Services. */
  available: boolean;
  runs: RunLog[];
}

export function createZisRegistry(): ZisRegistry {
  return {
    integrations: new Map(),
    webhooks: new Map(),
    consents: new Map(),
    takenNames: new Set(),
    available: true,
    runs: [],
  };
}

/** Applies an accepted bundle: resources replace the old ones; installed job specs are orphaned. */
export function applyBundle(integration: IntegrationRecord, bundle: ZisBundle) {
  for (const [name, spec] of integration.jobSpecs) {
    const flow = integration.flows.get(spec.flow_name.split(':').pop() ?? '');
    if (spec.installed && flow) {
      integration.orphans.set(name, {
        event_source: spec.event_source,
        event_type: spec.event_type,
        flow,
      });
    }
  }
  integration.bundle = bundle;
  integration.actions = new Map();
  integration.flows = new Map();
  integration.jobSpecs = new Map();
  for (const resource of Object.values(bundle.resources)) {
    if (resource.type === 'ZIS::Action::Http') {
      integration.actions.set(resource.properties.name, resource.properties.definition);
    } else if (resource.type === 'ZIS::Flow') {
      integration.flows.set(resource.properties.name, resource.properties.definition);
    } else {
      const p = resource.properties;
      const full = `zis:${integration.name}:job_spec:${p.name}`;
      integration.jobSpecs.set(full, { ...p, name: full, installed: false });
    }
  }
}
