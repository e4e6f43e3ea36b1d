/* tz-units-page.h — the units page of a campaign
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tz-page.h"

G_BEGIN_DECLS

#define TZ_TYPE_UNITS_PAGE (tz_units_page_get_type ())
G_DECLARE_FINAL_TYPE (TzUnitsPage, tz_units_page, TZ, UNITS_PAGE, TzPage)

GtkWidget *tz_units_page_new (void);

G_END_DECLS
