/* tz-unit.h — the unit tree shared by every campaign
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tz-db.h"

G_BEGIN_DECLS

/* The longest texts a unit's fields take, in characters. */
#define TZ_UNIT_NAME_MAX       100
#define TZ_UNIT_SHORT_NAME_MAX 50
#define TZ_UNIT_REGION_MAX     50
#define TZ_UNIT_LEVEL_MAX      50
#define TZ_UNIT_ADDRESS_MAX    200
#define TZ_UNIT_PHONE_MAX      50
#define TZ_UNIT_NOTE_MAX       2000

typedef struct
{
  gint64 id;
  gint64 parent_id; /* 0 for a root */
  char *name;
  char *kind;
  char *role;  /* the unit's role in the campaign listed, or NULL */
  guint depth; /* 0 for a root of the listing */
  guint n_seals;
  guint n_specimens; /* of those seals, how many are specimens (样章) */
} TzUnit;

void tz_unit_free (TzUnit *unit);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TzUnit, tz_unit_free)

/* One unit with every field, as the unit form edits it. */
typedef struct
{
  gint64 id;        /* 0 for a unit not yet saved */
  gint64 parent_id; /* 0 for a root */
  char *name;
  char *short_name;
  char *kind; /* a code of tz_unit_kinds(), or another code a file brought */
  char *region;
  char *school_level;
  char *address;
  char *phone;
  char *note;
  char *parent_name; /* filled by tz_unit_get(); ignored when saving */
} TzUnitDetails;

TzUnitDetails *tz_unit_details_new (void);
void tz_unit_details_free (TzUnitDetails *details);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TzUnitDetails, tz_unit_details_free)

/* The kind codes the forms offer (NULL-terminated), and a readable, translated
 * label for a code (an unknown code is returned as it is). */
const char *const *tz_unit_kinds (void);
const char *tz_unit_kind_label (const char *kind);

/* The roles a unit takes in a campaign (NULL-terminated), and their labels. */
const char *const *tz_unit_roles (void);
const char *tz_unit_role_label (const char *role);

/* Finds a unit by its exact name; with @campaign_id, units of that campaign are
 * preferred. A name that two units share, neither of the campaign, is an error. */
gboolean tz_unit_resolve (TzDb *db, gint64 campaign_id, const char *name, gint64 *unit_id,
                          GError **error);

/* Adds a unit under @parent_id (0 for a root), or finds it when one of that name
 * is there already, and links it to @campaign_id (0: none) with @role. */
gboolean tz_unit_add (TzDb *db, gint64 parent_id, const char *name, const char *kind,
                      gint64 campaign_id, const char *role, gint64 *unit_id, GError **error);

/* The units of a campaign (or all, with 0) in tree order, as TzUnit*. */
GPtrArray *tz_unit_list (TzDb *db, gint64 campaign_id, GError **error);

/* The same; with @all_units, every unit of the database, each with its role in
 * @campaign_id (NULL when it is not in that campaign). */
GPtrArray *tz_unit_list_tree (TzDb *db, gint64 campaign_id, gboolean all_units, GError **error);

/* One unit with all its fields; TZ_ERROR_NOT_FOUND when there is none. */
TzUnitDetails *tz_unit_get (TzDb *db, gint64 unit_id, GError **error);

/* Checks a unit as the form would save it: name required and at most
 * TZ_UNIT_NAME_MAX characters, unique under its parent, the other texts within
 * their limits. On failure @field (may be NULL) names the field at fault:
 * "name", "short_name", "kind", "region", "school_level", "address", "phone",
 * "note" or "parent". Writes nothing. */
gboolean tz_unit_check (TzDb *db, const TzUnitDetails *unit, const char **field, GError **error);

/* Creates a unit from @unit (its id is ignored) under @unit->parent_id, and links
 * it to @campaign_id (0: none) with @role (NULL: participant). Unlike
 * tz_unit_add(), a unit of the same name under the same parent is refused. */
gboolean tz_unit_create (TzDb *db, const TzUnitDetails *unit, gint64 campaign_id, const char *role,
                         gint64 *unit_id, GError **error);

/* Saves the fields of the unit @unit->id; its parent is kept (see tz_unit_move). */
gboolean tz_unit_update (TzDb *db, const TzUnitDetails *unit, GError **error);

/* Moves a unit under @new_parent_id (0: to the top level). Refuses moving it
 * under itself or one of its own descendants, and under a unit that already
 * has one of the same name, with a message that says so. */
gboolean tz_unit_move (TzDb *db, gint64 unit_id, gint64 new_parent_id, GError **error);

/* Deletes a unit, its seals and its links to campaigns. Refused while units
 * stand under it, or while activities, quotas, people, teams, entries,
 * opinions or awards use it: the message says which and how many. */
gboolean tz_unit_delete (TzDb *db, gint64 unit_id, GError **error);

/* Puts a unit in a campaign with @role (NULL: participant), or changes its role there. */
gboolean tz_unit_add_to_campaign (TzDb *db, gint64 campaign_id, gint64 unit_id, const char *role,
                                  GError **error);

/* Takes a unit out of a campaign; the unit stays in the database. Refused while
 * the campaign's activities, quotas or entries use it. */
gboolean tz_unit_remove_from_campaign (TzDb *db, gint64 campaign_id, gint64 unit_id,
                                       GError **error);

G_END_DECLS
