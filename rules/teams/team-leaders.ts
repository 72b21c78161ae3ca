/**
 * Who leads a team (port): its owners in Teams and the co-leaders a leader named, who are still its
 * members. TeamMembershipService answers it; nobody is made leader by asking.
 */
export interface TeamLeaders {
  leaders(teamId: string): Promise<string[]>;
}
