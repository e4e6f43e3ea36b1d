/* tz-units-page.h — the units page of a campaign: the unit tree and the seals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tz-page.h"

G_BEGIN_DECLS

#define TZ_TYPE_UNITS_PAGE (tz_units_page_get_type ())
G_DECLARE_FINAL_TYPE (TzUnitsPage, tz_units_page, TZ, UNITS_PAGE, TzPage)

GtkWidget *tz_units_page_new (void);

/* Every unit of the database instead of the campaign's (always so without a campaign). */
gboolean tz_units_page_get_show_all (TzUnitsPage *self);
void tz_units_page_set_show_all (TzUnitsPage *self, gboolean show_all);

/* The unit selected in the tree, 0 for none. Selecting expands its ancestors;
 * FALSE when the tree does not show that unit. */
gint64 tz_units_page_get_selected_unit (TzUnitsPage *self);
gboolean tz_units_page_select_unit (TzUnitsPage *self, gint64 unit_id);

/* Moves a unit under @parent_id (0: the top level); a refusal of the core is
 * shown as a dialog and the tree stays as it was. */
gboolean tz_units_page_move_unit (TzUnitsPage *self, gint64 unit_id, gint64 parent_id);

/* Reads a seal image for the selected unit and asks, with a preview, how to
 * process it before it is stored; FALSE (and a dialog) when the file is refused. */
gboolean tz_units_page_import_seal (TzUnitsPage *self, GFile *file);

G_END_DECLS
