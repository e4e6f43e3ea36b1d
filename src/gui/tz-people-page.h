/* tz-people-page.h — the people page of a campaign
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tz-page.h"

G_BEGIN_DECLS

#define TZ_TYPE_PEOPLE_PAGE (tz_people_page_get_type ())
G_DECLARE_FINAL_TYPE (TzPeoplePage, tz_people_page, TZ, PEOPLE_PAGE, TzPage)

GtkWidget *tz_people_page_new (void);

G_END_DECLS
