/* tz-entries-page.h — the entries page of a campaign
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tz-page.h"

G_BEGIN_DECLS

#define TZ_TYPE_ENTRIES_PAGE (tz_entries_page_get_type ())
G_DECLARE_FINAL_TYPE (TzEntriesPage, tz_entries_page, TZ, ENTRIES_PAGE, TzPage)

GtkWidget *tz_entries_page_new (void);

G_END_DECLS
