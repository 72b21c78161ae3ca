/** One entry of the audit trail: who did what to which record, when. Never the record's content. */
export interface AuditEvent {
  teamId: string;
  at: string;
  actorId: string;
  action: 'create' | 'read' | 'update' | 'delete';
  entity: 'screening' | 'settings';
  entityId: string;
  /** A short English code of what happened, e.g. "section-answered", "decided", "retention-reduced". */
  detail: string;
  /**
   * Screening events: the keyed one-way form of the screening's case reference (see ReferenceKeyer), so
   * a leader who types the reference finds the events after the screening, or its reference, is gone.
   * Absent on settings events, and on screening events recorded once the reference was gone.
   */
  subjectKey?: string;
}

/**
 * The audit trail (spec §5): every create, read, change and deletion of a screening, and every change of
 * a team's settings. Append-only and kept apart from the records it describes, so erasing a record
 * leaves the record that it was erased. Partitioned by team.
 */
export interface AuditTrail {
  /**
   * Appends an event. With `eventId`, the event is appended once however often it is recorded (an
   * erasure retried after a failure, or history moved into the trail again).
   */
  record(event: AuditEvent, options?: { eventId?: string }): Promise<void>;
  /** The team's events about one record, oldest first. */
  listFor(teamId: string, entityId: string): Promise<AuditEvent[]>;
  /** The team's events carrying this subject key, oldest first. */
  listBySubject(teamId: string, subjectKey: string): Promise<AuditEvent[]>;
}
