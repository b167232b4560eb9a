import { useAuth } from './AuthProvider';

/** How to show an actor ("user:<id>") in notes and timelines: "You" for the signed-in user. */
export function useActorLabel(): (actor: string) => string {
  const { user } = useAuth();
  return (a) => (user && a === `user:${user.id}` ? 'You' : a);
}
