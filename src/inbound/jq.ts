/**
 * The jq programs of the inbound flow, shipped as strings inside the ZIS bundle
 * (`zis:common:transform:Jq`, `expr`). Each reads the whole flow state (`"data.$": "$"`):
 * `.input` is what the Klaviyo webhook posted, `.k` the constants the bundle carries, and
 * the results of earlier states under their `ResultPath`. Customer text only ever travels as jq
 * data, never spliced into JSON text, so quotes, backslashes and newlines arrive unchanged.
 *
 * They keep to jq features proven in production ZIS bundles (`gsub`, `ascii_upcase`, `//`,
 * `sort_by`, `tostring`), and the unit tests run each of them on a real jq engine.
 */

/**
 * The webhook body as plain fields: `text` exactly as sent (only the keyword check trims it),
 * the customer's ids, the number they texted, whether it is a subscription keyword, and whether
 * there is anything to file at all.
 */
export const NORMALIZE = String.raw`
def str: if . == null then "" else tostring end;
def keyword_of: str | gsub("^\\s+|\\s+$"; "") | ascii_upcase;
(.input // {}) as $i
| ($i.text | str) as $raw
| (($i.media_url | str) != "") as $media
| ($i.phone | str | gsub("[^0-9+]"; "")) as $phone
| ($i.to | str | gsub("[^0-9+]"; "")) as $to
| ($i.profile_id | str | gsub("[^A-Za-z0-9]"; "")) as $pid
| ($raw | gsub("^\\s+|\\s+$"; "") != "") as $has_text
| {
    text: (if $has_text and $media then $raw + "\n\n" + .k.image_notice
           elif $has_text then $raw
           elif $media then .k.image_notice
           else "" end),
    phone: $phone,
    to: $to,
    profile_id: $pid,
    email: ($i.email | str | gsub("^\\s+|\\s+$"; "") | ascii_downcase),
    name: ([($i.first_name | str), ($i.last_name | str)]
           | map(gsub("^\\s+|\\s+$"; "") | select(length > 0)) | join(" ")),
    external_id: ("klaviyo-sms:" + (if $pid != "" then $pid else $phone end)),
    is_keyword: ((.k.stop_keywords // []) | index([$raw | keyword_of]) != null),
    valid: (($pid != "" or $phone != "") and ($has_text or $media))
  }
`;

/**
 * Which ticket the text goes to. The newest ticket that is not closed gets it as a comment
 * (Solved and Pending reopen); none, or only closed ones, means a new ticket, a follow-up of the
 * newest closed one. `duplicate` is ZIS rerunning a flow whose ticket creation already went
 * through: a live ticket of this customer was created minutes ago and says exactly this text
 * (any of them, not only the newest: an agent's reply may have touched another since).
 */
export const PICK = String.raw`
def ts: (. // "1970-01-01T00:00:00Z") | sub("\\.[0-9]+Z$"; "Z") | fromdateiso8601;
.msg.text as $text
| .k.rerun_window_seconds as $window
| (.found.tickets // []) as $all
| [$all[] | select(.status != "closed" and .status != "deleted")] as $lives
| ($lives | sort_by(.updated_at) | last) as $live
| ([$all[] | select(.status == "closed")] | sort_by(.updated_at) | last) as $closed
| ([$lives[] | select(.description == $text and ((now - (.created_at | ts)) < $window))]
   | sort_by(.id) | last) as $again
| if $again != null then
    { action: "duplicate", ticket_id: $again.id }
  elif $live == null then
    { action: "create", followup_source_id: ($closed.id // null) }
  else
    { action: "update", ticket_id: $live.id,
      body: { ticket: ({ comment: { body: $text, public: true, author_id: $live.requester_id } }
        + (if ($live.status == "solved" or $live.status == "pending") then { status: "open" } else {} end)) } }
  end
`;

/**
 * Before adding the text to a live ticket: is it already there? ZIS reruns the whole flow after
 * a 500 or a timeout, also when Zendesk had written the comment before failing. The text is there
 * when the ticket's newest comment is the customer's, public, says the same words (whitespace
 * aside: Zendesk may tidy it) and was written within the rerun window. Klaviyo's webhook carries
 * no id of the text, so the same words texted twice within minutes, with nothing written on the
 * ticket between them, are kept once.
 */
export const AGAIN = String.raw`
def ts: (. // "1970-01-01T00:00:00Z") | sub("\\.[0-9]+Z$"; "Z") | fromdateiso8601;
def words: tostring | gsub("\\s+"; " ") | gsub("^ | $"; "");
((.latest.comments // [])[0]) as $last
| .pick.ticket_id as $id
| ((.found.tickets // []) | map(select(.id == $id)) | first) as $ticket
| { repeat: ($last != null and $ticket != null
      and $last.author_id == $ticket.requester_id
      and $last.public == true
      and (($last.body // "") | words) == (.msg.text | words)
      and ((now - ($last.created_at | ts)) < .k.rerun_window_seconds)) }
`;

/**
 * After this run's ticket exists: did another text of the same customer open one at the same
 * moment? ZIS has no lock, so two runs can both find no ticket and both create. The lists by
 * `external_id` are database reads, so every run that created sees every ticket created before
 * its second look. The oldest live ticket wins, the same answer for every run: a run whose ticket
 * is not the oldest deletes its own ticket and adds its text to the oldest as the customer's
 * comment (delete first: a rerun then finds one ticket and adds the text once).
 */
export const SETTLE = String.raw`
(if .pick.action == "duplicate" then .pick.ticket_id else .created.ticket.id end) as $mine
| ([(.recheck.tickets // [])[] | select(.status != "closed" and .status != "deleted")]
   | sort_by(.id) | first) as $oldest
| if $oldest == null or $mine == null or $oldest.id == $mine then
    { action: (if .pick.action == "duplicate" then "duplicate" else "created" end) }
  else
    { action: "fold", drop_id: $mine, ticket_id: $oldest.id,
      body: { ticket: ({ comment: { body: .msg.text, public: true, author_id: $oldest.requester_id } }
        + (if ($oldest.status == "solved" or $oldest.status == "pending") then { status: "open" } else {} end)) } }
  end
`;

/**
 * The `create_or_update` body: by email when Klaviyo has one, else by the profile's external id
 * with the phone number as an identity. Named from the profile, else from the number.
 */
export const BUILD_USER = String.raw`
(if .msg.name != "" then .msg.name elif .msg.phone != "" then .msg.phone else .k.unknown_name end) as $name
| if .msg.email != "" then
    { user: { name: $name, email: .msg.email, skip_verify_email: true } }
  else
    { user: ({ name: $name, external_id: ("klaviyo:" + .msg.profile_id) }
      + (if .msg.phone != "" then { phone: .msg.phone } else {} end)) }
  end
`;

/**
 * The new ticket: the customer as requester and author of the first, public comment (the text),
 * tagged, in the brand mapped to the number they texted (else the default brand; none means the
 * account's default), a follow-up of the closed ticket when there is one.
 */
export const BUILD_TICKET = String.raw`
(if .msg.name != "" then .msg.name elif .msg.phone != "" then .msg.phone else .k.unknown_name end) as $who
| (.msg.text | gsub("\\s+"; " ") | gsub("^ | $"; "")) as $flat
| (if ($flat | length) > .k.subject_chars then ($flat[0:.k.subject_chars] + "…") else $flat end) as $start
| ((.k.brands // {})[.msg.to] // .k.default_brand_id // null) as $brand
| { ticket: ({
      requester_id: .user.user.id,
      submitter_id: .user.user.id,
      subject: (.k.subject_prefix + " " + $who + ": " + $start),
      comment: { body: .msg.text, public: true, author_id: .user.user.id },
      external_id: .msg.external_id,
      tags: [.k.tag, .k.inbound_tag]
    }
    + (if .pick.followup_source_id != null then { via_followup_source_id: .pick.followup_source_id } else {} end)
    + (if $brand != null then { brand_id: $brand } else {} end)) }
`;

/** Every program, by the state that runs it. */
export const JQ_PROGRAMS = {
  Normalize: NORMALIZE,
  Pick: PICK,
  Again: AGAIN,
  Settle: SETTLE,
  BuildUser: BUILD_USER,
  BuildTicket: BUILD_TICKET,
} as const;
