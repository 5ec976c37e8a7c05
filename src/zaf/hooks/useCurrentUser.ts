import { useZaf } from '../context';
import type { ZafUser } from '../types';

export interface CurrentUser {
  user: ZafUser;
  /** Admins are told what to fix; agents whom to ask. */
  isAdmin: boolean;
  locale: string;
}

/** The signed-in agent, as registration reported them. */
export function useCurrentUser(): CurrentUser {
  const { currentUser } = useZaf();
  return {
    user: currentUser,
    isAdmin: currentUser.role === 'admin',
    locale: currentUser.locale ?? 'en-US',
  };
}
