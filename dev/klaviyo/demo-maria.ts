/**
 * Maria Garcia's SMS history with Acme (demo ticket 101), as the conversation a support team would
 * really have had over two months: each text once, replies minutes after the text they answer,
 * episodes days apart, oldest first. The marketing sends, their attributed replies and the latest
 * exchange are added by `demo.ts` around it.
 */

/** Who wrote a text: the customer (`Sent SMS`, the profile's side) or the brand (`Received SMS`). */
export type Author = 'customer' | 'us';

export interface DemoText {
  /** Days before now the episode started. */
  day: number;
  /** Minutes after the episode started. */
  after: number;
  from: Author;
  text: string;
}

type Episode = [day: number, lines: Array<[after: number, from: Author, text: string]>];

const EPISODES: Episode[] = [
  [
    58,
    [
      [0, 'us', "Hi Maria, thanks for your order #4602! We'll text you when it ships."],
      [3, 'customer', 'Great, thank you!'],
    ],
  ],
  [
    56,
    [
      [0, 'us', 'Your order #4602 has shipped. Track it here: https://acme.example.com/t/4602'],
      [41, 'customer', 'Got it 👍'],
    ],
  ],
  [
    54,
    [
      [0, 'customer', 'The tote came with a small tear on the strap. Can I swap it?'],
      [6, 'us', "So sorry! Could you email us a photo? We'll ship a new one right away."],
      [19, 'customer', 'Photo sent by email just now'],
      [27, 'us', 'Thanks, a replacement tote is on its way. No need to return the old one.'],
      [30, 'customer', "That's very kind, thanks"],
    ],
  ],
  [
    49,
    [
      [0, 'customer', 'Do you have the linen shirt in medium?'],
      [8, 'us', "Not right now, more arrive next week. Want a text when it's back?"],
      [10, 'customer', 'Yes please'],
    ],
  ],
  [
    43,
    [
      [0, 'us', 'Good news: the Linen Shirt is back in M. Shall we hold one for you?'],
      [22, 'customer', 'Yes! Is there one in sage?'],
      [29, 'us', 'Sage in M is available. It is reserved for 48 hours under your name.'],
      [35, 'customer', 'Perfect, ordering now'],
      [44, 'us', 'Thanks Maria! Order #4711 is confirmed.'],
    ],
  ],
  [
    41,
    [
      [0, 'customer', 'When will it arrive?'],
      [5, 'us', 'It ships today. Delivery is estimated for Thursday.'],
      [7, 'customer', 'Great'],
    ],
  ],
  [
    38,
    [
      [0, 'us', 'Your order #4711 was delivered. Enjoy!'],
      [95, 'customer', 'The shirt is lovely. Do you ship to Canada? Asking for my sister'],
      [101, 'us', 'We do! Delivery to Canada takes 5–7 business days.'],
      [104, 'customer', 'Ok I will tell her'],
    ],
  ],
  [
    33,
    [
      [0, 'customer', 'My sister ordered, but checkout charged her in USD. Is that right?'],
      [12, 'us', 'Yes, we charge in USD for now. Her bank converts it at its own rate.'],
      [15, 'customer', 'Makes sense, thanks'],
    ],
  ],
  [
    29,
    [
      [0, 'customer', 'Hi, the sage shirt shrank a bit after washing 😕'],
      [9, 'us', 'Sorry to hear that! Did it go in the dryer? The label says hang dry.'],
      [14, 'customer', 'Oops, yes it did'],
      [20, 'us', 'No worries. Here is 20% off your next order, on us: code SORRY20'],
      [22, 'customer', "You're the best"],
    ],
  ],
  [
    24,
    [
      [0, 'customer', 'Is the wool scarf coming back in grey?'],
      [16, 'us', "Yes, late next month. I've put you on the waitlist."],
    ],
  ],
  [
    20,
    [
      [0, 'customer', 'Can I use SORRY20 together with free shipping?'],
      [7, 'us', 'Yes: shipping is free over $50 after the discount.'],
      [9, 'customer', 'Thanks!'],
    ],
  ],
  [
    16,
    [
      [0, 'customer', 'Do you sell gift cards?'],
      [11, 'us', 'We do, from $25 to $200, sent by email: https://acme.example.com/gift'],
      [13, 'customer', "Perfect for my mom's birthday"],
    ],
  ],
  [
    13,
    [
      [0, 'customer', "The gift card email didn't arrive for my mom"],
      [10, 'us', 'Let me check… it went to mom.garcia@example.com. Is that right?'],
      [12, 'customer', 'Oh no, it should be .net'],
      [18, 'us', 'Fixed and resent to the .net address. Sorry for the mix-up!'],
      [64, 'customer', 'Got it, she loves it'],
    ],
  ],
  [
    10,
    [
      [0, 'us', 'Hi Maria, the grey wool scarf is back: https://acme.example.com/p/scf-gry'],
      [52, 'customer', 'Thanks for remembering!'],
    ],
  ],
];

/** The texts of the episodes above, oldest first. */
export function mariaHistory(): DemoText[] {
  return EPISODES.flatMap(([day, lines]) =>
    lines.map(([after, from, text]) => ({ day, after, from, text })),
  );
}
