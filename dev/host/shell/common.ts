/**
 * What every app location may read and invoke in the workspace, whatever page it is on: the
 * current user and account, the colour scheme, and the actions `notify`, `routeTo`, `hide`,
 * `show` (modals and popovers are not emulated and say so).
 */
import type { ZdIdentity, ZdUser } from '../../zendesk/types';
import type { HostConfig } from '../api';
import { notify } from '../notify';
import type { Route, View } from '../view';
import type { Lookup } from '../zaf-host';
import { zafUser } from '../zaf-objects';

export const NAV_APP = 'klaviyo';

export function commonRoot(config: HostConfig, me: ZdUser, meIdentities: ZdIdentity[]) {
  return {
    currentUser: {
      ...zafUser(me, meIdentities),
      groups: [{ id: 21, name: 'Support' }],
    },
    currentAccount: {
      subdomain: config.subdomain,
      planName: 'Suite Professional',
      timeZone: { ianaName: me.iana_time_zone, name: me.time_zone },
    },
    colorScheme: 'light',
  };
}

export function invokeCommon(
  name: string,
  args: unknown[],
  view: View,
  navigate: (route: Route) => void,
): Lookup {
  switch (name) {
    case 'notify':
      notify(args[0], args[1], args[2]);
      return { found: true, value: undefined };
    case 'routeTo': {
      const [where, id] = args;
      if (where === 'ticket' && Number(id) > 0) navigate({ kind: 'ticket', id: Number(id) });
      else if (where === 'user' && Number(id) > 0) navigate({ kind: 'user', id: Number(id) });
      else if (where === 'nav_bar') navigate({ kind: 'nav', app: NAV_APP });
      else return { found: false, message: `routeTo: cannot route to ${JSON.stringify(args)}` };
      return { found: true, value: undefined };
    }
    case 'hide':
    case 'show':
      if (view.appPane) view.appPane.hidden = name === 'hide';
      return { found: true, value: undefined };
    case 'preloadPane':
      return { found: true, value: undefined };
    case 'instances.create':
    case 'popover':
      return {
        found: false,
        message: `${name}: modals and popovers are not emulated by the local workspace`,
      };
    default:
      return { found: false, message: `Could not find handler for: "${name}"` };
  }
}
