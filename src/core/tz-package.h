/* tz-package.h — entry packages between units
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A lower unit exports its people, entries, opinions, activities and files of
 * one campaign as a single zip file (the format is docs/exchange-format.md);
 * the upper unit opens it, sees what is new, changed or conflicting, chooses
 * for each conflict, and applies it in one transaction.
 *
 *   g_autoptr (TzPackage) pkg = tz_package_open (db, path, &error);   // checks + preview
 *   for (guint i = 0; i < tz_package_get_n_records (pkg); i++)
 *     { const TzPackageRecord *r = tz_package_get_record (pkg, i); … }
 *   tz_package_set_choice (pkg, i, TZ_PACKAGE_CHOICE_THEIRS);
 *   tz_package_apply (pkg, &summary, &error);
 *
 * A package that fails its checks is refused by tz_package_open() and nothing
 * is written; tz_package_apply() refuses while a conflict has no choice.
 * After a successful apply the records are compared again (their status,
 * diffs and choices refreshed in place: every taken record is then unchanged).
 * The record pointers stay valid until tz_package_free(); the diffs' strings
 * until the next apply. Not thread-safe: use a package from one thread.
 */
#pragma once

#include "tz-db.h"

G_BEGIN_DECLS

#define TZ_PACKAGE_FORMAT  "taizhang-package"
#define TZ_PACKAGE_VERSION 1

typedef enum
{
  TZ_PACKAGE_KIND_PERSON,
  TZ_PACKAGE_KIND_ENTRY,
  TZ_PACKAGE_KIND_OPINION,
  TZ_PACKAGE_KIND_ACTIVITY,
  TZ_PACKAGE_KIND_ATTACHMENT,
} TzPackageKind;

typedef enum
{
  TZ_PACKAGE_STATUS_NEW,      /* not in the database: added */
  TZ_PACKAGE_STATUS_CHANGED,  /* ours differs and was not edited since the last package */
  TZ_PACKAGE_STATUS_CONFLICT, /* ours differs and was edited here since (or matched by ID number) */
  TZ_PACKAGE_STATUS_UNCHANGED, /* ours is the same */
} TzPackageStatus;

typedef enum
{
  TZ_PACKAGE_CHOICE_NONE,   /* a conflict not yet decided: apply refuses */
  TZ_PACKAGE_CHOICE_OURS,   /* keep the record in the database */
  TZ_PACKAGE_CHOICE_THEIRS, /* take the record of the package */
} TzPackageChoice;

/* One field that differs between the database and the package. Values are
 * as stored (NULL: empty); ID and phone numbers in full (mask them to show). */
typedef struct
{
  const char *field; /* the column name: name, id_number, title … */
  const char *ours;
  const char *theirs;
} TzPackageDiff;

typedef struct
{
  TzPackageKind kind;
  const char *uuid; /* the record's uuid in the package (for opinions: entry uuid + "/" + level) */
  const char *name; /* for display: the person's name, the entry's title, … */
  TzPackageStatus status;
  gint64 local_id;        /* the matching row in the database, 0 when new */
  GPtrArray *diffs;       /* of TzPackageDiff*; empty unless changed or conflict */
  TzPackageChoice choice; /* conflicts start with NONE; others are taken (THEIRS) */
} TzPackageRecord;

typedef struct
{
  guint n_new;
  guint n_changed;
  guint n_conflict;
  guint n_unchanged;
  guint n_kept; /* conflicts kept as ours on apply */
} TzPackageSummary;

typedef struct _TzPackage TzPackage;

/* Writes the package of @unit_id's people, entries (recommended by the unit or
 * a unit under it), their opinions, activities and attachments in campaign
 * @campaign_id to @path (mode 0600, through a temporary file), and records
 * the export in the audit log. *@n_records (may be NULL) gets the count. */
gboolean tz_package_export (TzDb *db, gint64 campaign_id, gint64 unit_id, const char *path,
                            guint *n_records, GError **error);

/* Opens @path, checks it (manifest, members, sizes and SHA-256, names, data
 * validated with the rules of the forms, campaign, tracks and units known) and
 * compares it with @db. Nothing is written. TZ_ERROR_PARSE for a damaged or
 * foreign file, TZ_ERROR_INVALID for bad data, TZ_ERROR_NOT_FOUND for an
 * unknown campaign, track or unit; the message names the member, record and field. */
TzPackage *tz_package_open (TzDb *db, const char *path, GError **error);
/* As tz_package_open(), from bytes in memory (@display_name names it in messages). */
TzPackage *tz_package_open_bytes (TzDb *db, GBytes *bytes, const char *display_name,
                                  GError **error);
void tz_package_free (TzPackage *package);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TzPackage, tz_package_free)

/* The manifest: who sent it, for which campaign, when. */
const char *tz_package_get_sender_uuid (const TzPackage *package);
const char *tz_package_get_sender_name (const TzPackage *package);
const char *tz_package_get_campaign_uuid (const TzPackage *package);
const char *tz_package_get_campaign_title (const TzPackage *package);
gint64 tz_package_get_campaign_id (const TzPackage *package);     /* in the opened database */
const char *tz_package_get_created_at (const TzPackage *package); /* ISO 8601 UTC */
/* When the last package from this sender was applied here (NULL: never). */
const char *tz_package_get_last_import (const TzPackage *package);

/* The records in the order they are applied: people, activities, entries,
 * opinions, attachments. */
guint tz_package_get_n_records (const TzPackage *package);
const TzPackageRecord *tz_package_get_record (const TzPackage *package, guint index);
void tz_package_get_summary (const TzPackage *package, TzPackageSummary *summary);

/* Decides a record (meaningful for conflicts; OURS on a new or changed record
 * leaves it out). */
void tz_package_set_choice (TzPackage *package, guint index, TzPackageChoice choice);
/* Every conflict at once (the CLI's --keep-ours / --accept-theirs). */
void tz_package_set_all_conflicts (TzPackage *package, TzPackageChoice choice);

/* Writes the chosen records in one transaction (files first, into
 * <db>.files/) and adds an import_log line (kind 'package', note the sender's
 * uuid). Refuses (TZ_ERROR_INVALID, nothing written) while a conflict has no
 * choice or when the database changed since the package was opened.
 * @summary (may be NULL) gets what was done. */
gboolean tz_package_apply (TzPackage *package, TzPackageSummary *summary, GError **error);

/* A value of @diff (ours, or theirs with @theirs) as people read it: the name
 * of the unit, track or person a reference names instead of its uuid, ID
 * and phone numbers masked with @masked; NULL for an empty value. */
char *tz_package_diff_text (TzPackage *package, const TzPackageDiff *diff, gboolean theirs,
                            gboolean masked);

const char *tz_package_kind_name (TzPackageKind kind);        /* person, entry, … (stable, CLI) */
const char *tz_package_status_name (TzPackageStatus status);  /* new, changed, … (stable, CLI) */
const char *tz_package_status_label (TzPackageStatus status); /* translated */
const char *tz_package_kind_label (TzPackageKind kind);       /* translated */
/* A TzPackageDiff field as people read it (translated; the name itself when
 * unknown). */
const char *tz_package_field_label (const char *field);

G_END_DECLS
