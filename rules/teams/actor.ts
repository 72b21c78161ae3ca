/** Who is acting, in which team. */
export interface Actor {
  teamId: string;
  userId: string;
}
