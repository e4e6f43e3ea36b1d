/* tz-page.h — the base of the pages of a campaign (overview, quotas, …)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A page shows one campaign of one database. The window sets both; the page
 * reloads when they change and when the database reports a committed change
 * to one of the tables it watches — at once when it is on screen, otherwise
 * the next time it is shown.
 */
#pragma once

#include <adwaita.h>

#include "tz-db.h"

G_BEGIN_DECLS

#define TZ_TYPE_PAGE (tz_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (TzPage, tz_page, TZ, PAGE, AdwBin)

struct _TzPageClass
{
  AdwBinClass parent_class;

  /* Reloads what the page shows from the database; db may be NULL and
   * campaign_id 0 (then the page shows nothing). */
  void (*reload) (TzPage *self);

  /* The tables whose changes make the page reload (NULL-terminated); NULL for
   * every table. */
  const char *const *watched_tables;

  gpointer padding[8];
};

TzDb *tz_page_get_db (TzPage *self);
void tz_page_set_db (TzPage *self, TzDb *db);
gint64 tz_page_get_campaign_id (TzPage *self);
void tz_page_set_campaign_id (TzPage *self, gint64 campaign_id);

/* Reloads now if the page is on screen, else when it is next shown. */
void tz_page_queue_reload (TzPage *self);

/* Shows a failure of the core as a dialog over the page's window. */
void tz_page_show_error (TzPage *self, const char *heading, const GError *error);

/* Shows a toast in the window's toast overlay (takes the toast). */
void tz_page_add_toast (TzPage *self, AdwToast *toast);

G_END_DECLS
