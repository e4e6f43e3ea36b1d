/* tz-audit-window.c — the audit log, filtered by table, person and day
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The newest changes first, a page of PAGE_SIZE at a time ("Show More"), each
 * described field by field by the core (tz_audit_describe), with ID and phone
 * numbers masked. A person is found by id or by name (the first match of the
 * people search); the days are checked as the user types.
 */
#define G_LOG_DOMAIN "tz-audit-window"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "tz-audit-window.h"
#include "tz-audit.h"
#include "tz-imports-window.h"
#include "tz-person.h"
#include "tz-text-column.h"
#include "tz-validate.h"

#define PAGE_SIZE 500

enum
{
  COL_WHEN,
  COL_WHO,
  COL_ACTION,
  COL_TABLE,
  COL_ROW,
  COL_WHAT,
  N_COLS
};

/* The tables a user filters by, with their names as people read them. */
static const struct
{
  const char *table;
  const char *label;
} tables[] = {
  { NULL, N_ ("All Tables") },
  { "person", N_ ("People") },
  { "entry", N_ ("Entries") },
  { "activity", N_ ("Activities") },
  { "unit", N_ ("Units") },
  { "campaign", N_ ("Campaigns") },
  { "quota", N_ ("Quotas") },
  { "score", N_ ("Scores") },
  { "award", N_ ("Awards") },
  { "attachment", N_ ("Files") },
  { "opinion", N_ ("Opinions") },
  { "seal", N_ ("Seals") },
  { "metric_snapshot", N_ ("Online Figures") },
};

struct _TzAuditWindow
{
  AdwWindow parent_instance;

  TzDb *db;
  gulong changed_id;
  GPtrArray *entries; /* TzAuditEntry* */
  GtkStringList *rows;
  gboolean more;

  GtkDropDown *table_drop;
  GtkSearchEntry *person_entry;
  GtkEntry *since_entry;
  GtkEntry *until_entry;
  GtkLabel *status_label;
  GtkButton *more_button;
  GtkStack *stack;
  GtkColumnView *view;
  AdwStatusPage *error_page;
};

G_DEFINE_FINAL_TYPE (TzAuditWindow, tz_audit_window, ADW_TYPE_WINDOW)

static const char *
action_label (const char *action)
{
  if (g_strcmp0 (action, "insert") == 0)
    return _ ("Added");
  if (g_strcmp0 (action, "update") == 0)
    return _ ("Changed");
  if (g_strcmp0 (action, "delete") == 0)
    return _ ("Deleted");
  if (g_strcmp0 (action, "export") == 0)
    return _ ("Exported in full");
  return action;
}

static char *
cell_text (TzAuditWindow *self, guint index, guint column)
{
  const TzAuditEntry *e;

  if (self->entries == NULL || index >= self->entries->len)
    return g_strdup ("");
  e = self->entries->pdata[index];
  switch (column)
    {
      case COL_WHEN:
        return tz_gui_format_time (e->at);
      case COL_WHO:
        return g_strdup (e->actor);
      case COL_ACTION:
        return g_strdup (action_label (e->action));
      case COL_TABLE:
        for (guint i = 1; i < G_N_ELEMENTS (tables); i++)
          if (g_strcmp0 (tables[i].table, e->table) == 0)
            return g_strdup (_ (tables[i].label));
        return g_strdup (e->table);
      case COL_ROW:
        return e->row_id > 0 ? g_strdup_printf ("%" PRId64, e->row_id) : g_strdup ("");
      case COL_WHAT:
        return tz_audit_describe (e, FALSE);
      default:
        return g_strdup ("");
    }
}

static char *
cell_text_cb (gpointer owner, guint index, guint column)
{
  return cell_text (owner, index, column);
}

static void
add_column (TzAuditWindow *self, const char *title, int width, gboolean expand, guint column)
{
  tz_text_column_add (self->view, title, width, expand, column == COL_ROW, column == COL_WHAT,
                      column, cell_text_cb, self);
}

/* A day typed by the user: "" (no limit) or a real date. */
static gboolean
read_day (GtkEntry *entry, const char **day)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  gboolean ok = *text == '\0' || tz_validate_date ("date", text, NULL, NULL);

  if (ok)
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  *day = *text != '\0' ? text : NULL;
  return ok;
}

/* The person the search entry names: an id, or the first person found by
 * name; -1 when nobody matches. */
static gint64
read_person (TzAuditWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->person_entry));
  g_autoptr (GPtrArray) found = NULL;
  gint64 id = 0;
  char *end = NULL;

  if (*text == '\0')
    return 0;
  id = g_ascii_strtoll (text, &end, 10);
  if (end != text && *end == '\0' && id > 0)
    return id;
  found = tz_person_search (self->db, text, 0, 1, NULL);
  if (found == NULL || found->len == 0)
    return -1;
  return ((TzPerson *) found->pdata[0])->id;
}

static void
load (TzAuditWindow *self, gboolean append)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) page = NULL;
  TzAuditFilter filter = { 0 };
  guint selected = gtk_drop_down_get_selected (self->table_drop);
  gint64 person;
  guint first;

  if (!read_day (self->since_entry, &filter.since) || !read_day (self->until_entry, &filter.until))
    {
      gtk_label_set_text (self->status_label, _ ("Write days as YYYY-MM-DD."));
      return;
    }
  person = read_person (self);
  if (!append)
    {
      gtk_string_list_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                              NULL);
      g_clear_pointer (&self->entries, g_ptr_array_unref);
      self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) tz_audit_entry_free);
    }
  if (person < 0)
    {
      self->more = FALSE;
      gtk_label_set_text (self->status_label, _ ("No person has this name or id."));
      gtk_widget_set_visible (GTK_WIDGET (self->more_button), FALSE);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  filter.table = selected < G_N_ELEMENTS (tables) ? tables[selected].table : NULL;
  filter.person_id = person;
  filter.limit = PAGE_SIZE + 1;
  filter.offset = self->entries->len;
  page = tz_audit_query (self->db, &filter, &error);
  if (page == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  self->more = page->len > PAGE_SIZE;
  first = self->entries->len;
  for (guint i = 0; i < MIN (page->len, PAGE_SIZE); i++)
    g_ptr_array_add (self->entries, g_steal_pointer (&page->pdata[i]));
  tz_text_column_append_rows (self->rows, first, self->entries->len - first);
  gtk_widget_set_visible (GTK_WIDGET (self->more_button), self->more);
  {
    g_autofree char *status = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "%u change shown", "%u changes shown", self->entries->len),
        self->entries->len);
    gtk_label_set_text (self->status_label, status);
  }
  gtk_stack_set_visible_child_name (self->stack, self->entries->len > 0 ? "list" : "empty");
}

static void
filter_changed_cb (TzAuditWindow *self)
{
  load (self, FALSE);
}

static void
more_clicked_cb (TzAuditWindow *self)
{
  load (self, TRUE);
}

static void
db_changed_cb (TzAuditWindow *self, char **tables_changed, TzDb *db)
{
  load (self, FALSE);
}

static void
tz_audit_window_dispose (GObject *object)
{
  TzAuditWindow *self = TZ_AUDIT_WINDOW (object);

  if (self->db != NULL)
    g_clear_signal_handler (&self->changed_id, self->db);
  G_OBJECT_CLASS (tz_audit_window_parent_class)->dispose (object);
}

static void
tz_audit_window_finalize (GObject *object)
{
  TzAuditWindow *self = TZ_AUDIT_WINDOW (object);

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_object (&self->rows);
  g_clear_object (&self->db);
  G_OBJECT_CLASS (tz_audit_window_parent_class)->finalize (object);
}

static void
tz_audit_window_class_init (TzAuditWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tz_audit_window_dispose;
  object_class->finalize = tz_audit_window_finalize;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close",
                                       NULL);
}

static GtkEntry *
day_entry (const char *placeholder, const char *accessible)
{
  GtkEntry *entry = GTK_ENTRY (gtk_entry_new ());

  gtk_entry_set_placeholder_text (entry, placeholder);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 11);
  gtk_entry_set_input_purpose (entry, GTK_INPUT_PURPOSE_DIGITS);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (entry), accessible);
  return entry;
}

static void
tz_audit_window_init (TzAuditWindow *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *filters = gtk_flow_box_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *list_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *footer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *empty = adw_status_page_new ();
  g_autoptr (GtkStringList) table_names = gtk_string_list_new (NULL);
  GtkNoSelection *selection;

  gtk_window_set_title (GTK_WINDOW (self), _ ("Audit Log"));
  gtk_window_set_default_size (GTK_WINDOW (self), 1000, 560);
  gtk_box_append (GTK_BOX (content), header);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    gtk_string_list_append (table_names, _ (tables[i].label));
  self->table_drop =
      GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (table_names)), NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->table_drop), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Table"), -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->table_drop), _ ("Only changes to this table"));
  self->person_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->person_entry, "placeholder-text", _ ("Person (name or id)"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->person_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Person"), -1);
  self->since_entry = day_entry (_ ("From YYYY-MM-DD"), _ ("Changes on or after this day"));
  self->until_entry = day_entry (_ ("To YYYY-MM-DD"), _ ("Changes on or before this day"));
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (filters), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (filters), 4);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (filters), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (filters), 6);
  gtk_widget_set_margin_start (filters, 12);
  gtk_widget_set_margin_end (filters, 12);
  gtk_widget_set_margin_top (filters, 6);
  gtk_widget_set_margin_bottom (filters, 6);
  gtk_flow_box_append (GTK_FLOW_BOX (filters), GTK_WIDGET (self->table_drop));
  gtk_flow_box_append (GTK_FLOW_BOX (filters), GTK_WIDGET (self->person_entry));
  gtk_flow_box_append (GTK_FLOW_BOX (filters), GTK_WIDGET (self->since_entry));
  gtk_flow_box_append (GTK_FLOW_BOX (filters), GTK_WIDGET (self->until_entry));
  gtk_box_append (GTK_BOX (content), filters);

  self->rows = gtk_string_list_new (NULL);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->rows)));
  self->view = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (selection)));
  gtk_column_view_set_show_column_separators (self->view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "data-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Changes"), -1);
  add_column (self, _ ("When"), 150, FALSE, COL_WHEN);
  add_column (self, _ ("Who"), 90, FALSE, COL_WHO);
  add_column (self, _ ("Action"), 90, FALSE, COL_ACTION);
  add_column (self, _ ("Table"), 90, FALSE, COL_TABLE);
  add_column (self, _ ("Row"), 60, FALSE, COL_ROW);
  add_column (self, _ ("What Changed"), 400, TRUE, COL_WHAT);
  gtk_widget_set_vexpand (GTK_WIDGET (self->view), TRUE);
  gtk_box_append (GTK_BOX (list_box), GTK_WIDGET (self->view));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list_box);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "edit-find-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _ ("No Changes"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty), _ ("No change matches these filters."));
  self->error_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->error_page, "dialog-error-symbolic");
  adw_status_page_set_title (self->error_page, _ ("Could Not Read the Audit Log"));
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, scroller, "list");
  gtk_stack_add_named (self->stack, empty, "empty");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->error_page), "error");
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->stack));

  self->status_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "dim-label");
  gtk_widget_set_hexpand (GTK_WIDGET (self->status_label), TRUE);
  gtk_label_set_xalign (self->status_label, 0);
  self->more_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_ ("Show _More")));
  gtk_widget_set_visible (GTK_WIDGET (self->more_button), FALSE);
  gtk_box_append (GTK_BOX (footer), GTK_WIDGET (self->status_label));
  gtk_box_append (GTK_BOX (footer), GTK_WIDGET (self->more_button));
  gtk_widget_set_margin_start (footer, 12);
  gtk_widget_set_margin_end (footer, 12);
  gtk_widget_set_margin_top (footer, 6);
  gtk_widget_set_margin_bottom (footer, 6);
  gtk_box_append (GTK_BOX (content), footer);
  adw_window_set_content (ADW_WINDOW (self), content);

  g_signal_connect_swapped (self->table_drop, "notify::selected", G_CALLBACK (filter_changed_cb),
                            self);
  g_signal_connect_swapped (self->person_entry, "search-changed", G_CALLBACK (filter_changed_cb),
                            self);
  g_signal_connect_swapped (self->since_entry, "changed", G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->until_entry, "changed", G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->more_button, "clicked", G_CALLBACK (more_clicked_cb), self);
}

TzAuditWindow *
tz_audit_window_new (GtkWindow *parent, TzDb *db)
{
  TzAuditWindow *self;

  g_return_val_if_fail (TZ_IS_DB (db), NULL);

  self = g_object_new (TZ_TYPE_AUDIT_WINDOW, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  self->changed_id =
      g_signal_connect_object (db, "changed", G_CALLBACK (db_changed_cb), self, G_CONNECT_SWAPPED);
  load (self, FALSE);
  return self;
}

void
tz_audit_window_set_filter (TzAuditWindow *self, const char *table, const char *person,
                            const char *since, const char *until)
{
  guint selected = 0;

  g_return_if_fail (TZ_IS_AUDIT_WINDOW (self));
  for (guint i = 1; i < G_N_ELEMENTS (tables); i++)
    if (g_strcmp0 (tables[i].table, table) == 0)
      selected = i;
  g_signal_handlers_block_by_func (self->table_drop, filter_changed_cb, self);
  g_signal_handlers_block_by_func (self->person_entry, filter_changed_cb, self);
  g_signal_handlers_block_by_func (self->since_entry, filter_changed_cb, self);
  g_signal_handlers_block_by_func (self->until_entry, filter_changed_cb, self);
  gtk_drop_down_set_selected (self->table_drop, selected);
  gtk_editable_set_text (GTK_EDITABLE (self->person_entry), person != NULL ? person : "");
  gtk_editable_set_text (GTK_EDITABLE (self->since_entry), since != NULL ? since : "");
  gtk_editable_set_text (GTK_EDITABLE (self->until_entry), until != NULL ? until : "");
  g_signal_handlers_unblock_by_func (self->table_drop, filter_changed_cb, self);
  g_signal_handlers_unblock_by_func (self->person_entry, filter_changed_cb, self);
  g_signal_handlers_unblock_by_func (self->since_entry, filter_changed_cb, self);
  g_signal_handlers_unblock_by_func (self->until_entry, filter_changed_cb, self);
  load (self, FALSE);
}

guint
tz_audit_window_get_n_rows (TzAuditWindow *self)
{
  g_return_val_if_fail (TZ_IS_AUDIT_WINDOW (self), 0);
  return self->entries != NULL ? self->entries->len : 0;
}

char **
tz_audit_window_get_row_texts (TzAuditWindow *self, guint index)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **texts;

  g_return_val_if_fail (TZ_IS_AUDIT_WINDOW (self), NULL);
  for (guint c = 0; c < N_COLS; c++)
    {
      g_autofree char *text = cell_text (self, index, c);
      g_strv_builder_add (builder, text);
    }
  texts = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return texts;
}
