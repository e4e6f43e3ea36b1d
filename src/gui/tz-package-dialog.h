/* tz-package-dialog.h — an entry package from another unit, before it is applied
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dialog shows a TzPackage (tz-package.h): who sent it, for which campaign,
 * what it adds and changes, and its conflicts with what was edited here, each
 * to be decided (keep ours or take theirs) before Apply. Also the export of a
 * unit's package, and which files the window takes when they are dropped on it.
 */
#pragma once

#include <adwaita.h>

#include "tz-db.h"
#include "tz-package.h"

G_BEGIN_DECLS

/* The file name extension of entry packages (docs/exchange-format.md). */
#define TZ_PACKAGE_SUFFIX ".tzpkg"

typedef enum
{
  TZ_EXCHANGE_FILE_UNKNOWN,
  TZ_EXCHANGE_FILE_TABLE,    /* .xlsx, .csv: a filled table */
  TZ_EXCHANGE_FILE_PACKAGE,  /* .tzpkg: an entry package */
  TZ_EXCHANGE_FILE_CAMPAIGN, /* .json: a campaign file */
} TzExchangeFileKind;

/* What a file is by its name (case does not matter). */
TzExchangeFileKind tz_exchange_file_kind (const char *name);

#define TZ_TYPE_PACKAGE_DIALOG (tz_package_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TzPackageDialog, tz_package_dialog, TZ, PACKAGE_DIALOG, AdwWindow)

/* Opens and checks @path (nothing is written); NULL with the core's error when
 * the package is refused. @owner: as for TzImportDialog. */
TzPackageDialog *tz_package_dialog_new (GtkWidget *owner, TzDb *db, const char *path,
                                        GError **error);

/* The package shown (owned by the dialog). */
TzPackage *tz_package_dialog_get_package (TzPackageDialog *self);

/* What the choice buttons do: decide record @index. */
void tz_package_dialog_set_choice (TzPackageDialog *self, guint index, TzPackageChoice choice);
/* What "Keep All Ours" and "Take All Theirs" do. */
void tz_package_dialog_set_all_conflicts (TzPackageDialog *self, TzPackageChoice choice);
/* Shows only the records of @status, or every record with -1. */
void tz_package_dialog_set_filter (TzPackageDialog *self, int status);
/* The records listed now (after the filter). */
guint tz_package_dialog_get_n_shown (TzPackageDialog *self);

/* Whether Apply can be pressed (every conflict decided), and pressing it: the
 * records are applied, a toast says what was done, the dialog closes. */
gboolean tz_package_dialog_can_apply (TzPackageDialog *self);
gboolean tz_package_dialog_apply (TzPackageDialog *self);

/* Opens @file in the dialog, or shows why the package is refused. Returns the
 * window shown (transfer none). */
GtkWindow *tz_package_dialog_open_file (GtkWidget *owner, TzDb *db, GFile *file);
/* Choose a package file, then as above. */
void tz_package_dialog_choose_file (GtkWidget *owner, TzDb *db);

/* Export: choose the unit (the campaign's units; the first participant to
 * start with), then the file, and write the unit's package. */
void tz_package_export_interactive (GtkWidget *owner, TzDb *db, gint64 campaign_id);

/* The unit offered first for an export of @campaign_id's package: the first
 * participating unit, else the first unit; 0 when there is none. */
gint64 tz_package_default_unit (TzDb *db, gint64 campaign_id);

G_END_DECLS
