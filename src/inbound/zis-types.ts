/**
 * The ZIS bundle format, as far as the inbound path writes it (Zendesk's "anatomy of a ZIS bundle"
 * and flow-state reference). The ZIS stand-in in `dev/zis` reads the same types.
 */

export const ZIS_TEMPLATE_VERSION = '2019-10-14';

export interface ZisCatch {
  /** ZIS accepts only `["States.ALL"]`. */
  ErrorEquals: string[];
  Next: string;
  ResultPath?: string;
}

interface StateBase {
  Comment?: string;
  Next?: string;
  End?: boolean;
}

export interface ZisActionState extends StateBase {
  Type: 'Action';
  ActionName: string;
  Parameters?: Record<string, unknown>;
  ResultPath?: string;
  Catch?: ZisCatch[];
  TimeoutSeconds?: number;
}

export interface ZisPassState extends StateBase {
  Type: 'Pass';
  Result?: unknown;
  ResultPath?: string;
}

/** One Choice rule: a comparison on `Variable`, or `And`/`Or`/`Not` of rules; top-level rules carry `Next`. */
export interface ZisChoiceRule {
  Variable?: string;
  Next?: string;
  And?: ZisChoiceRule[];
  Or?: ZisChoiceRule[];
  Not?: ZisChoiceRule;
  [operator: string]: unknown;
}

export interface ZisChoiceState {
  Type: 'Choice';
  Comment?: string;
  Choices: ZisChoiceRule[];
  Default?: string;
}

export interface ZisWaitState extends StateBase {
  Type: 'Wait';
  Seconds?: number;
  SecondsPath?: string;
}

export interface ZisSucceedState {
  Type: 'Succeed';
  Comment?: string;
  Message?: string;
}

export interface ZisFailState {
  Type: 'Fail';
  Comment?: string;
  Error?: string;
  Cause?: string;
}

export interface ZisMapState extends StateBase {
  Type: 'Map';
  ItemsPath: string;
  Iterator: ZisFlowDefinition;
  ResultPath?: string;
  Catch?: ZisCatch[];
}

export type ZisState =
  | ZisActionState
  | ZisPassState
  | ZisChoiceState
  | ZisWaitState
  | ZisSucceedState
  | ZisFailState
  | ZisMapState;

export interface ZisFlowDefinition {
  StartAt: string;
  States: Record<string, ZisState>;
}

export interface ZisHttpDefinition {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** A Zendesk path (with `connectionName`), or `url` for another host. */
  path?: string;
  url?: string;
  connectionName?: string;
  headers?: Array<{ key: string; value: string }>;
  query?: Array<{ key: string; value: string }>;
  requestBody?: unknown;
  'requestBody.$'?: string;
}

export interface ZisHttpActionResource {
  type: 'ZIS::Action::Http';
  properties: { name: string; definition: ZisHttpDefinition };
}

export interface ZisFlowResource {
  type: 'ZIS::Flow';
  properties: { name: string; definition: ZisFlowDefinition };
}

export interface ZisJobSpecResource {
  type: 'ZIS::JobSpec';
  properties: { name: string; event_source: string; event_type: string; flow_name: string };
}

export type ZisResource = ZisHttpActionResource | ZisFlowResource | ZisJobSpecResource;

export interface ZisBundle {
  zis_template_version: string;
  name: string;
  description: string;
  resources: Record<string, ZisResource>;
}

/** Built-in actions ZIS provides to every integration. */
export const ZIS_BUILT_IN_ACTIONS = [
  'zis:common:transform:Jq',
  'zis:common:action:LoadConfig',
  'zis:common:action:PatchConfig',
  'zis:common:action:LoadLinks',
  'zis:common:action:CreateLink',
  'zis:common:action:PatchLinks',
  'zis:common:action:DeleteLinks',
] as const;
