/* tz-unit.h — the unit tree shared by every campaign
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tz-db.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 id;
  gint64 parent_id; /* 0 for a root */
  char *name;
  char *kind;
  char *role;  /* the unit's role in the campaign listed, or NULL */
  guint depth; /* 0 for a root of the listing */
} TzUnit;

void tz_unit_free (TzUnit *unit);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TzUnit, tz_unit_free)

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

G_END_DECLS
