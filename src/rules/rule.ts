import type { Deployment, ResourceInstance } from '../template/expand/instance';
import type { SourceSpan } from '../template/location';
import type { FindingKind, FindingLevel } from './level';
import type { InstancePlace } from './location';
import type { Remedy } from './remedy';

/** What a rule says about itself; feeds reports, SARIF rule metadata and the docs check. */
export interface RuleMeta<MessageId extends string = string> {
  /** A few words: the heading of the docs page and SARIF's short description. */
  title: string;
  /** One or two sentences: what the rule demands. */
  description: string;
  /** Path of the rule's docs page, relative to the package root; absent for a rule a config declares. */
  docsPath?: string;
  /** The config file that declares the rule; absent for a built-in rule. */
  declaredIn?: string;
  /** The resource types the rule judges, as Azure writes them. */
  types?: readonly string[];
  level: FindingLevel;
  tags: readonly string[];
  /** CVSS-like score (0.0-10.0) that code scanning turns into critical, high, medium or low. */
  securitySeverity: string;
  /** Other ids users may name the rule by (config, suppressions). */
  aliases: readonly string[];
  /** Message templates with `{name}` placeholders. */
  messages: Readonly<Record<MessageId, string>>;
}

export type { InstancePlace } from './location';

export interface RuleReport<MessageId extends string> {
  kind: FindingKind;
  messageId: MessageId;
  data: Readonly<Record<string, string>>;
  /** The instance the finding is about. */
  subject: ResourceInstance;
  /** Where a person must edit. */
  at: InstancePlace;
  related: readonly (InstancePlace & { message: string })[];
  /** What would clear the finding, for src/fix; or why nothing is offered. */
  remedy?: Remedy;
}

export interface RuleContext {
  /** Every instance of the deployment, in declaration order. */
  instances: readonly ResourceInstance[];
  /** The entry template's deployment and each module instance's: where each template deploys. */
  deployments: readonly Deployment[];
  /** `file:line:column` of a place in the compiled template, as the user would look it up. */
  describeSpan(span: SourceSpan): string;
  /** Told of each instance the rule judges, whether or not it reports on it (JUnit's passing test cases). */
  evaluated?(instance: ResourceInstance): void;
}

export interface Rule<MessageId extends string = string> {
  id: string;
  meta: RuleMeta<MessageId>;
  /** Resource types (lower case) without any of which in a deployment the rule has nothing to judge; absent: it always runs. */
  triggers?: ReadonlySet<string>;
  check(context: RuleContext): RuleReport<MessageId>[];
}

/** Declares a rule; the message ids of its reports are checked against its meta at compile time. */
export function defineRule<MessageId extends string>(rule: Rule<MessageId>): Rule<MessageId> {
  return rule;
}

/** Fills `{name}` placeholders of a message template. */
export function formatMessage(template: string, data: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => data[name] ?? whole);
}
