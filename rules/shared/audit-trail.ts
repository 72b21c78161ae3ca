/** One entry of the audit trail: who did what to which record, when. Never the record's content. */
export interface AuditEvent {
  teamId: string;
  at: string;
  actorId: string;
  action: 'create' | 'read' | 'update' | 'delete';
  entity: 'screening' | 'settings';
  entityId: string;
  /** A short English code of what happened, e.g. "section-answered", "decided", "retention-erased". */
  detail: string;
}

/** The audit trail (spec §5): every create, read, change and deletion of a screening. */
export interface AuditTrail {
  record(event: AuditEvent): Promise<void>;
  listFor(teamId: string, entityId: string): Promise<AuditEvent[]>;
}
