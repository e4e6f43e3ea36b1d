/* tz-campaign.h — campaigns: the notice record, its lists, progress figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tz-db.h"
#include "tz-quota.h"

G_BEGIN_DECLS

/* The notice as the database keeps it. Text fields are NULL when the notice
 * leaves them out; dates are YYYY-MM-DD. */
typedef struct
{
  gint64 id;
  char *uuid;
  char *title;
  char *issuer;
  char *doc_number;
  char *issue_date; /* YYYY-MM-DD or NULL */
  char *start_date;
  char *end_date;
  char *status; /* draft, active, finished, archived */

  char *short_title;
  char *theme;
  gint64 issuer_unit_id; /* 0: none */
  char *print_date;      /* 印发日期 */
  char *addressees;      /* 主送: 各市（地）总工会，各产业工会 */
  char *forwarded_by;    /* the unit that passed the notice on, with its own number and note */
  char *forward_doc_number;
  char *forward_note;
  char *period_text; /* the period as the notice words it: 7月下旬至10月下旬 */
  char *audience;
  char *platform;
  char *participation;
  char *mailbox;
  char *summary;
  char *requirements_text;
} TzCampaign;

/* The limits of the notice fields, in characters. */
#define TZ_CAMPAIGN_MAX_TITLE        200
#define TZ_CAMPAIGN_MAX_SHORT_TITLE  100
#define TZ_CAMPAIGN_MAX_ISSUER       100
#define TZ_CAMPAIGN_MAX_DOC_NUMBER   50
#define TZ_CAMPAIGN_MAX_LINE         500 /* theme, addressees, audience, platform, … */
#define TZ_CAMPAIGN_MAX_PERIOD_TEXT  100
#define TZ_CAMPAIGN_MAX_SUMMARY      5000
#define TZ_CAMPAIGN_MAX_REQUIREMENTS 20000

/* The fields of a notice that a form edits, for checking them one at a time. */
typedef enum
{
  TZ_CAMPAIGN_FIELD_TITLE,
  TZ_CAMPAIGN_FIELD_SHORT_TITLE,
  TZ_CAMPAIGN_FIELD_THEME,
  TZ_CAMPAIGN_FIELD_ISSUER,
  TZ_CAMPAIGN_FIELD_DOC_NUMBER,
  TZ_CAMPAIGN_FIELD_ISSUE_DATE,
  TZ_CAMPAIGN_FIELD_PRINT_DATE,
  TZ_CAMPAIGN_FIELD_ADDRESSEES,
  TZ_CAMPAIGN_FIELD_FORWARDED_BY,
  TZ_CAMPAIGN_FIELD_FORWARD_DOC_NUMBER,
  TZ_CAMPAIGN_FIELD_FORWARD_NOTE,
  TZ_CAMPAIGN_FIELD_START_DATE,
  TZ_CAMPAIGN_FIELD_END_DATE, /* also where "start after end" is reported */
  TZ_CAMPAIGN_FIELD_PERIOD_TEXT,
  TZ_CAMPAIGN_FIELD_AUDIENCE,
  TZ_CAMPAIGN_FIELD_PLATFORM,
  TZ_CAMPAIGN_FIELD_PARTICIPATION,
  TZ_CAMPAIGN_FIELD_MAILBOX,
  TZ_CAMPAIGN_FIELD_SUMMARY,
  TZ_CAMPAIGN_FIELD_REQUIREMENTS,
  TZ_CAMPAIGN_FIELD_STATUS,
  TZ_CAMPAIGN_N_FIELDS
} TzCampaignField;

TzCampaign *tz_campaign_new (void);
TzCampaign *tz_campaign_copy (const TzCampaign *campaign);
void tz_campaign_free (TzCampaign *campaign);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TzCampaign, tz_campaign_free)

/* Every campaign, newest issue date first, as TzCampaign*; NULL with @error on failure. */
GPtrArray *tz_campaign_list (TzDb *db, GError **error);
TzCampaign *tz_campaign_get (TzDb *db, gint64 id, GError **error);

/* Resolves what a user typed for --campaign: an id, a uuid, or an exact title. */
gboolean tz_campaign_resolve (TzDb *db, const char *text, gint64 *id, GError **error);

gboolean tz_campaign_delete (TzDb *db, gint64 id, GError **error);

/* Checks one field of @campaign (TZ_ERROR_INVALID, the message names the field). */
gboolean tz_campaign_validate_field (const TzCampaign *campaign, TzCampaignField field,
                                     GError **error);
/* Checks every field, reporting the first problem. */
gboolean tz_campaign_validate (const TzCampaign *campaign, GError **error);

/* Validates and saves the notice data in one transaction: inserts when
 * campaign->id is 0 (setting id and uuid), else updates that campaign. Text is
 * stored trimmed, blank text as NULL, dates as YYYY-MM-DD; nothing is written
 * when a field is invalid. The campaign's stages, tracks, … are left alone. */
gboolean tz_campaign_save (TzDb *db, TzCampaign *campaign, GError **error);

/* What deleting a campaign takes with it. */
typedef struct
{
  gint64 tracks;
  gint64 stages;
  gint64 quotas;
  gint64 activities;
  gint64 entries;
} TzCampaignContents;

gboolean tz_campaign_count_contents (TzDb *db, gint64 id, TzCampaignContents *contents,
                                     GError **error);

/* The id of a track of @campaign_id by its exact name (or its name without 《》). */
gboolean tz_track_resolve (TzDb *db, gint64 campaign_id, const char *name, gint64 *track_id,
                           GError **error);

/* ---- the lists of a notice ---- */

typedef struct
{
  gint64 id;
  gint64 seq;
  char *name;
  char *start_date; /* NULL when the notice gives only words */
  char *end_date;
  char *period_text;
  char *description;
} TzStage;

typedef struct
{
  gint64 id;
  gint64 seq;
  char *title;
  char *due_date; /* YYYY-MM-DD, always set */
  char *period_text;
  gint64 track_id; /* 0: the whole campaign */
  char *track_name;
  char *deliverable;
  char *recipient;
  char *mailbox;
  char *set_by;
  char *note;
} TzDeadline;

typedef struct
{
  gint64 id;
  gint64 seq;
  char *organization;
  char *department;
  char *name;
  char *phone;
  char *email;
  char *note;
} TzContact;

typedef struct
{
  gint64 id;
  char *role; /* 主办单位, 承办单位, 媒体平台 … as the notice words it */
  char *name;
} TzOrganizer;

typedef struct
{
  gint64 id;
  char *uuid;
  gint64 seq;
  char *name;
  char *short_name;
  char *theme;
  char *description;
  char *entrant_kind;   /* person, team, unit, person_or_team, unit_or_team, any */
  char *entry_kind;     /* work, nomination, account */
  char *form;           /* none, personal, list */
  char *ranking_method; /* expert, metric, composite, manual */
  char *metric;         /* 浏览量, 点赞量, 得票数 … or NULL */
  double expert_weight;
  double metric_weight;
  char *platform;
  char *start_date;
  char *end_date;
  char *period_text;
} TzTrack;

void tz_stage_free (TzStage *stage);
void tz_deadline_free (TzDeadline *deadline);
void tz_contact_free (TzContact *contact);
void tz_organizer_free (TzOrganizer *organizer);
void tz_track_free (TzTrack *track);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TzStage, tz_stage_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TzDeadline, tz_deadline_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TzContact, tz_contact_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TzOrganizer, tz_organizer_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TzTrack, tz_track_free)

/* In the notice's order; NULL with @error on failure. */
GPtrArray *tz_campaign_list_stages (TzDb *db, gint64 campaign_id, GError **error);
/* By due date, then the notice's order. */
GPtrArray *tz_campaign_list_deadlines (TzDb *db, gint64 campaign_id, GError **error);
GPtrArray *tz_campaign_list_contacts (TzDb *db, gint64 campaign_id, GError **error);
GPtrArray *tz_campaign_list_organizers (TzDb *db, gint64 campaign_id, GError **error);
GPtrArray *tz_campaign_list_tracks (TzDb *db, gint64 campaign_id, GError **error);

/* How people read the vocabularies of a track, translated. */
const char *tz_track_entrant_kind_label (const char *entrant_kind);
const char *tz_track_ranking_label (const char *ranking_method);

/* ---- dates ---- */

/* Today as YYYY-MM-DD (local time). The environment variable TAIZHANG_TODAY,
 * when it holds a valid date, replaces it, so that tests and demonstrations
 * see the same "days left" every day. */
char *tz_today (void);

/* Whole days from @from to @to (both YYYY-MM-DD); FALSE when either is not a date. */
gboolean tz_days_between (const char *from, const char *to, int *days);

/* The time left until @due_date as of @today: "12 days left", "due today",
 * "overdue by 3 days" (translated). Sets *@days (negative when overdue) when
 * not NULL. NULL when a date is not valid. */
char *tz_deadline_describe (const char *due_date, const char *today, int *days);

/* ---- progress ---- */

/* How people read a campaign's status (draft, active, finished, archived). */
const char *tz_campaign_status_label (const char *status);

/* The entry statuses in the order of the workflow, NULL-terminated, and how
 * people read them. */
#define TZ_CAMPAIGN_N_ENTRY_STATUSES 7
const char *const *tz_campaign_entry_statuses (void);
const char *tz_campaign_entry_status_label (const char *status);

typedef struct
{
  gint64 track_id;
  char *name;
  char *short_name;
  char *entry_kind;
  gint64 total; /* every entry but the withdrawn ones */
  gint64
      by_status[TZ_CAMPAIGN_N_ENTRY_STATUSES]; /* in the order of tz_campaign_entry_statuses () */
} TzTrackFigures;

/* One unit against one quota, with what it should have done by now. */
typedef struct
{
  TzQuotaRow *quota;
  gint64 expected; /* activities: the target pro rata of the period passed; else the minimum */
  char *due_date;  /* recommendations: the deadline that applies, or NULL */
  gboolean behind; /* fewer than expected while it still matters */
} TzUnitProgress;

typedef struct
{
  char *today;
  double elapsed;         /* the fraction of the campaign's period passed, 0 … 1; -1: no period */
  gint64 activities_held; /* every activity logged for the campaign */
  gint64 activities_target;   /* the sum of the units' activity targets */
  GPtrArray *activity_units;  /* TzUnitProgress*, from tz_quota_list (activity) */
  GPtrArray *tracks;          /* TzTrackFigures*, in track order */
  GPtrArray *recommendations; /* TzUnitProgress*, nominee then work quotas */
  guint units_behind;         /* units behind on activities */
  guint recommendations_behind;
} TzCampaignFigures;

void tz_campaign_figures_free (TzCampaignFigures *figures);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TzCampaignFigures, tz_campaign_figures_free)

/* The progress of a campaign as of @today (YYYY-MM-DD; NULL: tz_today ()).
 *
 * A unit is behind on activities when it has held fewer than its target times
 * the part of the campaign's period that has passed (rounded down). It is
 * behind on recommendations when it has fewer than its minimum and the
 * deadline for them (the track's, else the campaign's, else the end of the
 * period) is at most TZ_CAMPAIGN_WARN_DAYS away or past. */
#define TZ_CAMPAIGN_WARN_DAYS 7
TzCampaignFigures *tz_campaign_figures (TzDb *db, gint64 campaign_id, const char *today,
                                        GError **error);

/* ---- campaign files ---- */

/* The title of the campaign in a campaign file ($.campaign.title), read without
 * importing it; NULL with @error when the file cannot be read or has none. */
char *tz_campaign_file_peek_title (const char *path, GError **error);

G_END_DECLS
