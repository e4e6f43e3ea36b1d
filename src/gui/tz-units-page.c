/* tz-units-page.c — the units page of a campaign: the unit tree and the seals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tree is a GtkTreeListModel over TzUnitNode items built from one
 * tz_unit_list_tree() call; a unit tree has hundreds of units, not the
 * hundred thousand rows of the people list, so it is rebuilt on each reload,
 * keeping what the user collapsed and selected. Every rule (names, moves,
 * deletions, seal images) is the core's or the report library's; the page
 * shows their messages.
 */
#define G_LOG_DOMAIN "tz-units-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tz-campaign-file.h"
#include "tz-i18n.h"
#include "tz-seal.h"
#include "tz-unit-dialog.h"
#include "tz-unit.h"
#include "tz-units-page.h"

/* Below this width the details go under the tree instead of beside it. */
#define NARROW_WIDTH 760

/* The edge of a checkerboard square behind seal previews, in pixels. */
#define CHECKER_SIZE 10

/* The longest side of the copy the import dialog previews, in pixels. */
#define PREVIEW_PX 320

/* One unit of the tree: an item of the tree model, with its children. */
#define TZ_TYPE_UNIT_NODE (tz_unit_node_get_type ())
G_DECLARE_FINAL_TYPE (TzUnitNode, tz_unit_node, TZ, UNIT_NODE, GObject)

struct _TzUnitNode
{
  GObject parent_instance;

  TzUnit *unit;
  GListStore *children; /* NULL for a leaf */
};

struct _TzUnitsPage
{
  TzPage parent_instance;

  GtkSingleSelection *selection;
  GHashTable *nodes;     /* unit id → TzUnitNode, of the tree shown */
  GHashTable *collapsed; /* ids of the units the user collapsed */
  gint64 selected_id;
  gint64 preview_seal_id; /* the seal shown large; 0: the default one */
  gboolean show_all;
  gboolean reloading;
  guint relayout_id;
  GtkFileChooserNative *chooser;

  /* Template widgets */
  GtkStack *stack;
  GtkBox *content_box;
  GtkWidget *pane_separator;
  GtkWidget *detail_scroller;
  GtkColumnView *column_view;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *kind_column;
  GtkColumnViewColumn *role_column;
  GtkColumnViewColumn *seal_column;
  GtkStack *detail_stack;
  GtkLabel *detail_title;
  GtkLabel *detail_subtitle;
  AdwActionRow *parent_row;
  AdwActionRow *short_name_row;
  AdwActionRow *region_row;
  AdwActionRow *school_level_row;
  AdwActionRow *address_row;
  AdwActionRow *phone_row;
  AdwActionRow *note_row;
  GtkDrawingArea *checkerboard;
  GtkPicture *seal_picture;
  GtkWidget *no_seal_label;
  GtkListBox *seal_list;
};

G_DEFINE_FINAL_TYPE (TzUnitNode, tz_unit_node, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (TzUnitsPage, tz_units_page, TZ_TYPE_PAGE)

enum
{
  NODE_PROP_0,
  NODE_PROP_UNIT_ID,
  NODE_PROP_NAME,
  NODE_PROP_ROLE,
  N_NODE_PROPS
};

static GParamSpec *node_properties[N_NODE_PROPS];

enum
{
  PROP_0,
  PROP_SHOW_ALL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *const watched_tables[] = { "unit", "campaign_unit", "seal", NULL };

/* TzUnitNode */

static void
tz_unit_node_finalize (GObject *object)
{
  TzUnitNode *self = TZ_UNIT_NODE (object);

  tz_unit_free (self->unit);
  g_clear_object (&self->children);
  G_OBJECT_CLASS (tz_unit_node_parent_class)->finalize (object);
}

static void
tz_unit_node_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TzUnitNode *self = TZ_UNIT_NODE (object);

  switch (prop_id)
    {
      case NODE_PROP_UNIT_ID:
        g_value_set_int64 (value, self->unit->id);
        break;
      case NODE_PROP_NAME:
        g_value_set_string (value, self->unit->name);
        break;
      case NODE_PROP_ROLE:
        g_value_set_string (value, self->unit->role);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tz_unit_node_class_init (TzUnitNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tz_unit_node_finalize;
  object_class->get_property = tz_unit_node_get_property;

  node_properties[NODE_PROP_UNIT_ID] = g_param_spec_int64 (
      "unit-id", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  node_properties[NODE_PROP_NAME] =
      g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  node_properties[NODE_PROP_ROLE] =
      g_param_spec_string ("role", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_NODE_PROPS, node_properties);
}

static void
tz_unit_node_init (TzUnitNode *self)
{
}

/* Takes @unit. */
static TzUnitNode *
tz_unit_node_new (TzUnit *unit)
{
  TzUnitNode *self = g_object_new (TZ_TYPE_UNIT_NODE, NULL);

  self->unit = unit;
  return self;
}

/* Helpers */

static gboolean
is_empty (const char *text)
{
  return text == NULL || *text == '\0';
}

static GtkWindow *
parent_window (TzUnitsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
toast (TzUnitsPage *self, const char *title)
{
  /* Toast titles are markup in libadwaita 1.2; unit names are not. */
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  tz_page_add_toast (TZ_PAGE (self), adw_toast_new (escaped));
}

static TzUnitNode *
find_node (TzUnitsPage *self, gint64 unit_id)
{
  return g_hash_table_lookup (self->nodes, &unit_id);
}

/* The node of the selected row (borrowed), or NULL. */
static TzUnitNode *
selected_node (TzUnitsPage *self)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr (TzUnitNode) node = NULL;

  if (row == NULL)
    return NULL;
  node = gtk_tree_list_row_get_item (row);
  /* The tree holds its own reference: the borrowed pointer outlives this call. */
  return node != NULL ? find_node (self, node->unit->id) : NULL;
}

static void
draw_checkerboard (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
{
  /* Light squares, as image editors show transparency: the seal reads on paper. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.88, 0.88, 0.88);
  for (int y = 0; y < height; y += CHECKER_SIZE)
    for (int x = (y / CHECKER_SIZE) % 2 * CHECKER_SIZE; x < width; x += 2 * CHECKER_SIZE)
      cairo_rectangle (cr, x, y, CHECKER_SIZE, CHECKER_SIZE);
  cairo_fill (cr);
}

/* A picture on a checkerboard in a frame, @size pixels square. */
static GtkWidget *
seal_preview_new (int size, GtkPicture **picture)
{
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *overlay = gtk_overlay_new ();
  /* The squares are decoration, not content. */
  GtkWidget *board = g_object_new (GTK_TYPE_DRAWING_AREA, "accessible-role",
                                   GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
  GtkWidget *pic = gtk_picture_new ();

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (board), size);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (board), size);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (board), draw_checkerboard, NULL, NULL);
  gtk_picture_set_can_shrink (GTK_PICTURE (pic), TRUE);
  gtk_picture_set_alternative_text (GTK_PICTURE (pic), _ ("Preview of the seal"));
  gtk_widget_set_margin_top (pic, 8);
  gtk_widget_set_margin_bottom (pic, 8);
  gtk_widget_set_margin_start (pic, 8);
  gtk_widget_set_margin_end (pic, 8);
  gtk_overlay_set_child (GTK_OVERLAY (overlay), board);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), pic);
  gtk_frame_set_child (GTK_FRAME (frame), overlay);
  gtk_widget_set_halign (frame, GTK_ALIGN_CENTER);
  *picture = GTK_PICTURE (pic);
  return frame;
}

static GdkTexture *
seal_texture (TzDb *db, gint64 seal_id)
{
  g_autoptr (GBytes) png = tz_seal_get_png (db, seal_id, NULL);

  return png != NULL ? gdk_texture_new_from_bytes (png, NULL) : NULL;
}

static void
present_message_dialog (TzUnitsPage *self, AdwMessageDialog *dialog, GCallback response_cb)
{
  /* The dialog keeps the page alive until it answers. */
  g_signal_connect_data (dialog, "response", response_cb, g_object_ref (self),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static AdwMessageDialog *
confirm_dialog_new (TzUnitsPage *self, const char *heading, const char *body, const char *response,
                    const char *label)
{
  GtkWidget *dialog = adw_message_dialog_new (parent_window (self), heading, body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), response,
                                    label, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), response,
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  return ADW_MESSAGE_DIALOG (dialog);
}

/* The tree */

static GListModel *
create_child_model_cb (gpointer item, gpointer user_data)
{
  TzUnitNode *node = item;

  return node->children != NULL ? g_object_ref (G_LIST_MODEL (node->children)) : NULL;
}

/* Turns the units, in tree order with their depth, into nodes; takes the units. */
static GListStore *
build_tree (TzUnitsPage *self, GPtrArray *units)
{
  GListStore *roots = g_list_store_new (TZ_TYPE_UNIT_NODE);
  g_autoptr (GPtrArray) line = g_ptr_array_new (); /* the ancestors of the next unit */

  g_hash_table_remove_all (self->nodes);
  for (guint i = 0; units != NULL && i < units->len; i++)
    {
      TzUnit *unit = g_steal_pointer (&units->pdata[i]);
      TzUnitNode *node = tz_unit_node_new (unit);

      while (line->len > unit->depth)
        g_ptr_array_remove_index (line, line->len - 1);
      if (line->len == 0)
        g_list_store_append (roots, node);
      else
        {
          TzUnitNode *parent = line->pdata[line->len - 1];

          if (parent->children == NULL)
            parent->children = g_list_store_new (TZ_TYPE_UNIT_NODE);
          g_list_store_append (parent->children, node);
        }
      g_ptr_array_add (line, node);
      g_hash_table_insert (self->nodes, &node->unit->id, node);
    }
  return roots;
}

/* The position of @unit_id among the rows shown, or GTK_INVALID_LIST_POSITION. */
static guint
row_position (TzUnitsPage *self, gint64 unit_id)
{
  GListModel *rows = gtk_single_selection_get_model (self->selection);
  guint n = rows != NULL ? g_list_model_get_n_items (rows) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr (TzUnitNode) node = gtk_tree_list_row_get_item (row);

      if (node->unit->id == unit_id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
set_row_expanded (TzUnitsPage *self, gint64 unit_id, gboolean expanded)
{
  GListModel *rows = gtk_single_selection_get_model (self->selection);
  guint position = row_position (self, unit_id);
  g_autoptr (GtkTreeListRow) row = NULL;

  if (position == GTK_INVALID_LIST_POSITION)
    return;
  row = g_list_model_get_item (rows, position);
  gtk_tree_list_row_set_expanded (row, expanded);
}

/* Records which units the user collapsed, before the tree is rebuilt. */
static void
remember_expansion (TzUnitsPage *self)
{
  GListModel *rows = gtk_single_selection_get_model (self->selection);
  guint n = rows != NULL ? g_list_model_get_n_items (rows) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr (TzUnitNode) node = gtk_tree_list_row_get_item (row);

      if (node->children == NULL)
        continue;
      if (gtk_tree_list_row_get_expanded (row))
        g_hash_table_remove (self->collapsed, &node->unit->id);
      else
        g_hash_table_add (self->collapsed, g_memdup2 (&node->unit->id, sizeof (gint64)));
    }
}

static void
expand_rows (TzUnitsPage *self, GtkTreeListModel *tree)
{
  /* Expanding inserts the children after the row, where the loop goes next. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (tree)); i++)
    {
      g_autoptr (GtkTreeListRow) row = gtk_tree_list_model_get_row (tree, i);
      g_autoptr (TzUnitNode) node = gtk_tree_list_row_get_item (row);

      if (node->children != NULL && !g_hash_table_contains (self->collapsed, &node->unit->id))
        gtk_tree_list_row_set_expanded (row, TRUE);
    }
}

static gboolean
select_unit (TzUnitsPage *self, gint64 unit_id)
{
  g_autoptr (GArray) line = g_array_new (FALSE, FALSE, sizeof (gint64));
  TzUnitNode *node = unit_id > 0 ? find_node (self, unit_id) : NULL;
  guint position;

  if (node == NULL)
    return FALSE;
  /* Its ancestors in the tree shown, expanded from the top down. */
  for (TzUnitNode *up = find_node (self, node->unit->parent_id); up != NULL;
       up = find_node (self, up->unit->parent_id))
    g_array_prepend_val (line, up->unit->id);
  for (guint i = 0; i < line->len; i++)
    set_row_expanded (self, g_array_index (line, gint64, i), TRUE);

  position = row_position (self, unit_id);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  gtk_single_selection_set_selected (self->selection, position);
  return TRUE;
}

/* The cells */

static void
name_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 8);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), label);
  gtk_list_item_set_child (item, expander);
}

static void
name_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  GtkTreeListRow *row = gtk_list_item_get_item (item);
  GtkTreeExpander *expander = GTK_TREE_EXPANDER (gtk_list_item_get_child (item));
  g_autoptr (TzUnitNode) node = gtk_tree_list_row_get_item (row);
  GtkWidget *label = gtk_tree_expander_get_child (expander);

  gtk_tree_expander_set_list_row (expander, row);
  gtk_label_set_text (GTK_LABEL (label), node->unit->name);
  gtk_widget_set_tooltip_text (label, node->unit->name);
}

static void
name_unbind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (gtk_list_item_get_child (item)), NULL);
}

static void
label_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
kind_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  g_autoptr (TzUnitNode) node = gtk_tree_list_row_get_item (gtk_list_item_get_item (item));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      tz_unit_kind_label (node->unit->kind));
}

static void
role_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  g_autoptr (TzUnitNode) node = gtk_tree_list_row_get_item (gtk_list_item_get_item (item));
  GtkWidget *label = gtk_list_item_get_child (item);

  if (node->unit->role != NULL)
    {
      gtk_label_set_text (GTK_LABEL (label), tz_unit_role_label (node->unit->role));
      gtk_widget_remove_css_class (label, "dim-label");
    }
  else
    {
      gtk_label_set_text (GTK_LABEL (label), _ ("Not in campaign"));
      gtk_widget_add_css_class (label, "dim-label");
    }
}

static void
seal_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  gtk_list_item_set_child (item, gtk_image_new ());
}

static void
seal_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  g_autoptr (TzUnitNode) node = gtk_tree_list_row_get_item (gtk_list_item_get_item (item));
  GtkWidget *image = gtk_list_item_get_child (item);
  const char *icon = NULL;
  const char *text;

  if (node->unit->n_seals == 0)
    text = _ ("No seal yet");
  else if (node->unit->n_seals == node->unit->n_specimens)
    {
      icon = "dialog-warning-symbolic";
      text = _ ("Only a specimen seal: import the real seal before printing forms");
    }
  else
    {
      icon = "emblem-ok-symbolic";
      text = _ ("Has a seal image");
    }
  gtk_image_set_from_icon_name (GTK_IMAGE (image), icon);
  gtk_widget_set_tooltip_text (image, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

static void
set_factory (GtkColumnViewColumn *column, GCallback setup, GCallback bind, GCallback unbind)
{
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", setup, NULL);
  g_signal_connect (factory, "bind", bind, NULL);
  if (unbind != NULL)
    g_signal_connect (factory, "unbind", unbind, NULL);
  gtk_column_view_column_set_factory (column, factory);
}

/* The details pane */

static void
set_detail (AdwActionRow *row, const char *value)
{
  gtk_widget_set_visible (GTK_WIDGET (row), !is_empty (value));
  adw_action_row_set_subtitle (row, value != NULL ? value : "");
}

static char *
seal_description (const TzSeal *seal)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (seal->is_default)
    g_ptr_array_add (parts, g_strdup (_ ("Default")));
  if (seal->is_specimen)
    g_ptr_array_add (parts, g_strdup (_ ("Specimen, for demonstrations only")));
  g_ptr_array_add (parts, g_strdup_printf (_ ("%d × %d pixels"), seal->width, seal->height));
  if (seal->created_at != NULL && strlen (seal->created_at) >= 10)
    {
      g_autofree char *day = g_strndup (seal->created_at, 10);
      g_ptr_array_add (parts, tz_format_date (day));
    }
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static GtkWidget *
seal_row_new (TzUnitsPage *self, const TzSeal *seal, GdkTexture *texture)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *thumbnail = gtk_image_new ();
  GtkWidget *delete_button;
  g_autofree char *description = seal_description (seal);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 is_empty (seal->name) ? _ ("Seal") : seal->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), description);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _ ("Show this seal in the preview"));

  gtk_image_set_from_paintable (GTK_IMAGE (thumbnail), GDK_PAINTABLE (texture));
  gtk_image_set_pixel_size (GTK_IMAGE (thumbnail), 40);
  gtk_accessible_update_property (GTK_ACCESSIBLE (thumbnail), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Seal image"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), thumbnail);

  if (!seal->is_default)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_ ("Make _Default"));

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, _ ("Stamp forms of this unit with this seal"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "units.set-default-seal");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                              g_variant_new_int64 (seal->id));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  delete_button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (delete_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (delete_button, "flat");
  gtk_widget_set_tooltip_text (delete_button, _ ("Delete this seal"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (delete_button), "units.delete-seal");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (delete_button),
                                          g_variant_new_int64 (seal->id));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete_button);

  g_object_set_data_full (G_OBJECT (row), "seal-id", g_memdup2 (&seal->id, sizeof seal->id),
                          g_free);
  return row;
}

static void
update_seals (TzUnitsPage *self, TzDb *db, gint64 unit_id)
{
  g_autoptr (GPtrArray) seals = tz_seal_list (db, unit_id, NULL);
  g_autoptr (GdkTexture) preview = NULL;
  GtkWidget *child;
  gint64 shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->seal_list))) != NULL)
    gtk_list_box_remove (self->seal_list, child);

  for (guint i = 0; seals != NULL && i < seals->len; i++)
    {
      TzSeal *seal = seals->pdata[i];
      g_autoptr (GdkTexture) texture = seal_texture (db, seal->id);

      if (texture == NULL)
        continue;
      /* The list comes default first: it is shown unless another was chosen. */
      if (shown == 0 || seal->id == self->preview_seal_id)
        {
          g_set_object (&preview, texture);
          shown = seal->id;
        }
      gtk_list_box_append (self->seal_list, seal_row_new (self, seal, texture));
    }
  if (shown != self->preview_seal_id)
    self->preview_seal_id = 0;
  gtk_picture_set_paintable (self->seal_picture, GDK_PAINTABLE (preview));
  gtk_widget_set_visible (self->no_seal_label, preview == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->seal_list), preview != NULL);
}

static void
update_details (TzUnitsPage *self)
{
  TzDb *db = tz_page_get_db (TZ_PAGE (self));
  TzUnitNode *node = find_node (self, self->selected_id);
  g_autoptr (TzUnitDetails) unit = NULL;
  g_autofree char *subtitle = NULL;

  if (db == NULL || node == NULL || (unit = tz_unit_get (db, self->selected_id, NULL)) == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      gtk_picture_set_paintable (self->seal_picture, NULL);
      return;
    }

  gtk_label_set_text (self->detail_title, unit->name);
  if (tz_page_get_campaign_id (TZ_PAGE (self)) == 0)
    subtitle = g_strdup (tz_unit_kind_label (unit->kind));
  else
    /* TRANSLATORS: a unit's kind and its role in the campaign: "Industry union · Participant". */
    subtitle = g_strdup_printf (_ ("%s · %s"), tz_unit_kind_label (unit->kind),
                                node->unit->role != NULL ? tz_unit_role_label (node->unit->role)
                                                         : _ ("Not in this campaign"));
  gtk_label_set_text (self->detail_subtitle, subtitle);
  adw_action_row_set_subtitle (self->parent_row, unit->parent_name != NULL
                                                     ? unit->parent_name
                                                     : _ ("No unit: it is at the top level"));
  set_detail (self->short_name_row, unit->short_name);
  set_detail (self->region_row, unit->region);
  set_detail (self->school_level_row, unit->school_level);
  set_detail (self->address_row, unit->address);
  set_detail (self->phone_row, unit->phone);
  set_detail (self->note_row, unit->note);
  update_seals (self, db, unit->id);
  gtk_stack_set_visible_child_name (self->detail_stack, "unit");
}

static void
update_actions (TzUnitsPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  TzUnitNode *node = find_node (self, self->selected_id);
  gboolean has_db = tz_page_get_db (TZ_PAGE (self)) != NULL;
  gboolean selected = has_db && node != NULL;

  gtk_widget_action_set_enabled (widget, "units.add", has_db);
  gtk_widget_action_set_enabled (widget, "units.edit", selected);
  gtk_widget_action_set_enabled (widget, "units.move", selected);
  gtk_widget_action_set_enabled (widget, "units.delete", selected);
  gtk_widget_action_set_enabled (widget, "units.import-seal", selected);
  gtk_widget_action_set_enabled (widget, "units.export-for-unit",
                                 selected && tz_page_get_campaign_id (TZ_PAGE (self)) > 0);
  gtk_widget_action_set_enabled (widget, "units.create-specimen", selected);
  gtk_widget_action_set_enabled (widget, "units.remove-from-campaign",
                                 selected && node->unit->role != NULL &&
                                     tz_page_get_campaign_id (TZ_PAGE (self)) > 0);
}

/* Signal callbacks */

static void
selection_changed_cb (TzUnitsPage *self)
{
  TzUnitNode *node;
  gint64 id;

  g_assert (TZ_IS_UNITS_PAGE (self));

  if (self->reloading)
    return;
  node = selected_node (self);
  id = node != NULL ? node->unit->id : 0;
  if (id != self->selected_id)
    self->preview_seal_id = 0;
  self->selected_id = id;
  update_details (self);
  update_actions (self);
}

static void
column_view_activate_cb (TzUnitsPage *self, guint position)
{
  g_assert (TZ_IS_UNITS_PAGE (self));
  gtk_widget_activate_action (GTK_WIDGET (self), "units.edit", NULL);
}

static void
seal_row_activated_cb (TzUnitsPage *self, GtkListBoxRow *row)
{
  gint64 *seal_id = g_object_get_data (G_OBJECT (row), "seal-id");

  g_assert (TZ_IS_UNITS_PAGE (self));

  if (seal_id == NULL)
    return;
  self->preview_seal_id = *seal_id;
  update_details (self);
}

static void
unit_saved_cb (TzUnitDialog *dialog, gint64 unit_id, TzUnitsPage *self)
{
  TzUnitNode *node;
  g_autofree char *message = NULL;

  g_assert (TZ_IS_UNITS_PAGE (self));

  /* The tree was rebuilt when the change was committed; a unit taken out of
   * the campaign may no longer be in it. */
  select_unit (self, unit_id);
  node = find_node (self, unit_id);
  if (node != NULL)
    message = g_strdup_printf (_ ("“%s” saved"), node->unit->name);
  toast (self, message != NULL ? message : _ ("Unit saved"));
}

static void
present_unit_dialog (TzUnitsPage *self, TzUnitDialog *dialog)
{
  gtk_window_set_transient_for (GTK_WINDOW (dialog), parent_window (self));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (unit_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
move_response_cb (AdwMessageDialog *dialog, const char *response, TzUnitsPage *self)
{
  GtkListBox *list = g_object_get_data (G_OBJECT (dialog), "unit-list");
  gint64 *unit_id = g_object_get_data (G_OBJECT (dialog), "unit-id");
  GtkListBoxRow *row;
  gint64 *parent_id;

  if (g_strcmp0 (response, "move") != 0 || list == NULL)
    return;
  row = gtk_list_box_get_selected_row (list);
  parent_id = row != NULL ? g_object_get_data (G_OBJECT (row), "unit-id") : NULL;
  if (parent_id != NULL)
    tz_units_page_move_unit (self, *unit_id, *parent_id);
}

static gboolean
move_filter_cb (GtkListBoxRow *row, gpointer data)
{
  GtkEditable *search = data;
  const char *name = g_object_get_data (G_OBJECT (row), "unit-name");
  const char *text = gtk_editable_get_text (search);
  g_autofree char *needle = NULL;
  g_autofree char *haystack = NULL;

  if (name == NULL || is_empty (text))
    return TRUE; /* the top level is always offered */
  needle = g_utf8_casefold (text, -1);
  haystack = g_utf8_casefold (name, -1);
  return strstr (haystack, g_strstrip (needle)) != NULL;
}

static void
move_search_changed_cb (GtkSearchEntry *entry, GtkListBox *list)
{
  gtk_list_box_invalidate_filter (list);
}

static GtkWidget *
move_row_new (gint64 unit_id, const char *name, guint depth, const char *label)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *text = gtk_label_new (label);

  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_top (text, 8);
  gtk_widget_set_margin_bottom (text, 8);
  gtk_widget_set_margin_end (text, 12);
  gtk_widget_set_margin_start (text, 12 + 16 * (int) MIN (depth, 8));
  gtk_widget_set_tooltip_text (text, label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), text);
  g_object_set_data_full (G_OBJECT (row), "unit-id", g_memdup2 (&unit_id, sizeof unit_id), g_free);
  if (name != NULL)
    g_object_set_data_full (G_OBJECT (row), "unit-name", g_strdup (name), g_free);
  return row;
}

/* Actions */

static void
add_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TzUnitsPage *self = TZ_UNITS_PAGE (widget);
  TzDb *db = tz_page_get_db (TZ_PAGE (self));
  g_autoptr (GError) error = NULL;
  TzUnitDialog *dialog;

  if (db == NULL)
    return;
  dialog = tz_unit_dialog_new_for_parent (
      db, tz_page_get_campaign_id (TZ_PAGE (self)),
      find_node (self, self->selected_id) != NULL ? self->selected_id : 0, &error);
  if (dialog == NULL)
    {
      tz_page_show_error (TZ_PAGE (self), _ ("The unit cannot be added"), error);
      return;
    }
  present_unit_dialog (self, dialog);
}

static void
edit_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TzUnitsPage *self = TZ_UNITS_PAGE (widget);
  TzDb *db = tz_page_get_db (TZ_PAGE (self));
  TzUnitNode *node = find_node (self, self->selected_id);
  g_autoptr (GError) error = NULL;
  TzUnitDialog *dialog;

  if (db == NULL || node == NULL)
    return;
  dialog = tz_unit_dialog_new_for_unit (db, tz_page_get_campaign_id (TZ_PAGE (self)),
                                        node->unit->id, node->unit->role, &error);
  if (dialog == NULL)
    {
      tz_page_show_error (TZ_PAGE (self), _ ("The unit cannot be edited"), error);
      return;
    }
  present_unit_dialog (self, dialog);
}

static void
move_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TzUnitsPage *self = TZ_UNITS_PAGE (widget);
  TzDb *db = tz_page_get_db (TZ_PAGE (self));
  TzUnitNode *node = find_node (self, self->selected_id);
  g_autoptr (GPtrArray) units = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *box, *search, *scroller, *list;

  if (db == NULL || node == NULL)
    return;
  units = tz_unit_list_tree (db, 0, TRUE, &error);
  if (units == NULL)
    {
      tz_page_show_error (TZ_PAGE (self), _ ("The units could not be read"), error);
      return;
    }

  heading = g_strdup_printf (_ ("Move “%s”"), node->unit->name);
  dialog = ADW_MESSAGE_DIALOG (
      adw_message_dialog_new (parent_window (self), heading,
                              _ ("Choose the unit it belongs to. Its own units move with it.")));
  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), "move", _ ("_Move"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "move", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "move");
  adw_message_dialog_set_close_response (dialog, "cancel");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  search = gtk_search_entry_new ();
  g_object_set (search, "placeholder-text", _ ("Search units"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Search units"), -1);
  list = gtk_list_box_new ();
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Units to move it under"), -1);
  gtk_list_box_append (GTK_LIST_BOX (list), move_row_new (0, NULL, 0, _ ("Top level (no unit)")));
  for (guint i = 0; i < units->len; i++)
    {
      TzUnit *u = units->pdata[i];
      GtkWidget *row = move_row_new (u->id, u->name, u->depth + 1, u->name);

      gtk_list_box_append (GTK_LIST_BOX (list), row);
      if (u->id == node->unit->parent_id)
        gtk_list_box_select_row (GTK_LIST_BOX (list), GTK_LIST_BOX_ROW (row));
    }
  if (node->unit->parent_id == 0)
    gtk_list_box_select_row (GTK_LIST_BOX (list),
                             gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  gtk_list_box_set_filter_func (GTK_LIST_BOX (list), move_filter_cb, search, NULL);
  g_signal_connect_object (search, "search-changed", G_CALLBACK (move_search_changed_cb), list, 0);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 280);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  gtk_box_append (GTK_BOX (box), search);
  gtk_box_append (GTK_BOX (box), scroller);
  adw_message_dialog_set_extra_child (dialog, box);

  g_object_set_data (G_OBJECT (dialog), "unit-list", list);
  g_object_set_data_full (G_OBJECT (dialog), "unit-id",
                          g_memdup2 (&node->unit->id, sizeof (gint64)), g_free);
  present_message_dialog (self, dialog, G_CALLBACK (move_response_cb));
  gtk_widget_grab_focus (search);
}

static void
remove_response_cb (AdwMessageDialog *dialog, const char *response, TzUnitsPage *self)
{
  gint64 *unit_id = g_object_get_data (G_OBJECT (dialog), "unit-id");
  TzDb *db = tz_page_get_db (TZ_PAGE (self));
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "remove") != 0 || db == NULL)
    return;
  if (!tz_unit_remove_from_campaign (db, tz_page_get_campaign_id (TZ_PAGE (self)), *unit_id,
                                     &error))
    {
      tz_page_show_error (TZ_PAGE (self), _ ("The unit was not taken out of the campaign"), error);
      return;
    }
  toast (self, _ ("The unit was taken out of this campaign"));
}

static void
remove_from_campaign_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TzUnitsPage *self = TZ_UNITS_PAGE (widget);
  TzUnitNode *node = find_node (self, self->selected_id);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  if (node == NULL)
    return;
  heading = g_strdup_printf (_ ("Take “%s” Out of This Campaign?"), node->unit->name);
  dialog = confirm_dialog_new (self, heading,
                               _ ("The unit stays in the database and in other campaigns. Its "
                                  "quotas, activities and entries in this campaign must go first."),
                               "remove", _ ("_Take Out"));
  g_object_set_data_full (G_OBJECT (dialog), "unit-id",
                          g_memdup2 (&node->unit->id, sizeof (gint64)), g_free);
  present_message_dialog (self, dialog, G_CALLBACK (remove_response_cb));
}

static void
delete_response_cb (AdwMessageDialog *dialog, const char *response, TzUnitsPage *self)
{
  gint64 *unit_id = g_object_get_data (G_OBJECT (dialog), "unit-id");
  gint64 *parent_id = g_object_get_data (G_OBJECT (dialog), "parent-id");
  const char *name = g_object_get_data (G_OBJECT (dialog), "unit-name");
  TzDb *db = tz_page_get_db (TZ_PAGE (self));
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  if (g_strcmp0 (response, "delete") != 0 || db == NULL)
    return;
  if (!tz_unit_delete (db, *unit_id, &error))
    {
      tz_page_show_error (TZ_PAGE (self), _ ("The unit was not deleted"), error);
      return;
    }
  select_unit (self, *parent_id);
  message = g_strdup_printf (_ ("“%s” deleted"), name);
  toast (self, message);
}

static void
delete_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TzUnitsPage *self = TZ_UNITS_PAGE (widget);
  TzUnitNode *node = find_node (self, self->selected_id);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  if (node == NULL)
    return;
  heading = g_strdup_printf (_ ("Delete “%s”?"), node->unit->name);
  dialog = confirm_dialog_new (self, heading,
                               _ ("The unit, its seals and its place in every campaign are "
                                  "deleted. This cannot be undone."),
                               "delete", _ ("_Delete"));
  g_object_set_data_full (G_OBJECT (dialog), "unit-id",
                          g_memdup2 (&node->unit->id, sizeof (gint64)), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "parent-id",
                          g_memdup2 (&node->unit->parent_id, sizeof (gint64)), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "unit-name", g_strdup (node->unit->name), g_free);
  present_message_dialog (self, dialog, G_CALLBACK (delete_response_cb));
}

static void
chooser_response_cb (GtkNativeDialog *chooser, int response, TzUnitsPage *self)
{
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
  if (file != NULL)
    tz_units_page_import_seal (self, file);
}

/* Passing the campaign down: the campaign file as the selected unit's branch
 * receives it (tz_campaign_export_for_unit_file). */
static void
export_for_unit_response_cb (GtkNativeDialog *chooser, int response, TzUnitsPage *self)
{
  gint64 unit_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (chooser), "tz-unit-id"));
  TzDb *db = tz_page_get_db (TZ_PAGE (self));
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  if (file == NULL || db == NULL)
    return;
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _ ("The campaign file can only be saved to a folder on this computer."));
      tz_page_show_error (TZ_PAGE (self), _ ("Could Not Export the Campaign"), error);
      return;
    }
  if (!g_str_has_suffix (path, ".json"))
    {
      char *with_suffix = g_strconcat (path, ".json", NULL);

      g_free (path);
      path = with_suffix;
    }
  if (!tz_campaign_export_for_unit_file (db, tz_page_get_campaign_id (TZ_PAGE (self)), unit_id,
                                         path, &error))
    tz_page_show_error (TZ_PAGE (self), _ ("Could Not Export the Campaign"), error);
  else
    {
      g_autofree char *name = g_filename_display_basename (path);
      /* TRANSLATORS: %s is a file name */
      g_autofree char *title = g_strdup_printf (_ ("Campaign saved as “%s”"), name);

      toast (self, title);
    }
}

static void
export_for_unit_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TzUnitsPage *self = TZ_UNITS_PAGE (widget);
  TzUnitNode *node = find_node (self, self->selected_id);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *suggested = NULL;

  if (node == NULL || tz_page_get_db (TZ_PAGE (self)) == NULL)
    return;
  /* TRANSLATORS: the suggested file name of a campaign passed down; %s is a unit's name */
  suggested = g_strdup_printf (_ ("Campaign for %s.json"), node->unit->name);
  g_strdelimit (suggested, "/\\", '-');
  chooser = gtk_file_chooser_native_new (_ ("Export the Campaign for This Unit"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Save"), _ ("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  gtk_file_filter_set_name (filter, _ ("Campaign files (json)"));
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_set_data (G_OBJECT (chooser), "tz-unit-id", GSIZE_TO_POINTER (node->unit->id));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_for_unit_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_seal_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TzUnitsPage *self = TZ_UNITS_PAGE (widget);
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL || find_node (self, self->selected_id) == NULL)
    return;
  self->chooser =
      gtk_file_chooser_native_new (_ ("Import Seal Image"), parent_window (self),
                                   GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Open"), _ ("_Cancel"));
  gtk_file_filter_set_name (filter, _ ("PNG and JPEG images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_suffix (filter, "png");
  gtk_file_filter_add_suffix (filter, "jpg");
  gtk_file_filter_add_suffix (filter, "jpeg");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
create_specimen_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TzUnitsPage *self = TZ_UNITS_PAGE (widget);
  TzDb *db = tz_page_get_db (TZ_PAGE (self));
  g_autoptr (GError) error = NULL;
  gint64 seal_id;

  if (db == NULL || find_node (self, self->selected_id) == NULL)
    return;
  seal_id = tz_seal_create_specimen (db, self->selected_id, &error);
  if (seal_id == 0)
    {
      tz_page_show_error (TZ_PAGE (self), _ ("The specimen seal was not created"), error);
      return;
    }
  self->preview_seal_id = seal_id;
  update_details (self);
  toast (self, _ ("Specimen seal created; it is marked as a specimen on every form"));
}

static void
set_default_seal_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TzUnitsPage *self = TZ_UNITS_PAGE (widget);
  TzDb *db = tz_page_get_db (TZ_PAGE (self));
  g_autoptr (GError) error = NULL;
  gint64 seal_id = g_variant_get_int64 (parameter);

  if (db == NULL)
    return;
  if (!tz_seal_set_default (db, seal_id, &error))
    {
      tz_page_show_error (TZ_PAGE (self), _ ("The default seal was not changed"), error);
      return;
    }
  self->preview_seal_id = seal_id;
  update_details (self);
}

static void
delete_seal_response_cb (AdwMessageDialog *dialog, const char *response, TzUnitsPage *self)
{
  gint64 *seal_id = g_object_get_data (G_OBJECT (dialog), "seal-id");
  TzDb *db = tz_page_get_db (TZ_PAGE (self));
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0 || db == NULL)
    return;
  if (!tz_seal_delete (db, *seal_id, &error))
    {
      tz_page_show_error (TZ_PAGE (self), _ ("The seal was not deleted"), error);
      return;
    }
  toast (self, _ ("Seal deleted"));
}

static void
delete_seal_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TzUnitsPage *self = TZ_UNITS_PAGE (widget);
  TzUnitNode *node = find_node (self, self->selected_id);
  gint64 seal_id = g_variant_get_int64 (parameter);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (node == NULL)
    return;
  body = g_strdup_printf (_ ("The seal image is removed from “%s”. Forms printed later are "
                             "stamped with its other default seal, if it has one."),
                          node->unit->name);
  dialog = confirm_dialog_new (self, _ ("Delete This Seal?"), body, "delete", _ ("_Delete"));
  g_object_set_data_full (G_OBJECT (dialog), "seal-id", g_memdup2 (&seal_id, sizeof seal_id),
                          g_free);
  present_message_dialog (self, dialog, G_CALLBACK (delete_seal_response_cb));
}

/* The seal import dialog: a preview of the processing before anything is stored. */

typedef struct
{
  gint64 unit_id;
  char *name;
  GdkPixbuf *image;   /* as read, at most TZ_SEAL_MAX_STORED_PX a side */
  GdkPixbuf *preview; /* a smaller copy for the live preview */
  GtkPicture *picture;
  GtkSwitch *remove_white;
  GtkSwitch *tint;
} SealImport;

static void
seal_import_free (SealImport *import)
{
  g_free (import->name);
  g_clear_object (&import->image);
  g_clear_object (&import->preview);
  g_free (import);
}

static TzSealProcess
seal_import_flags (SealImport *import)
{
  TzSealProcess flags = TZ_SEAL_PROCESS_NONE;

  if (gtk_switch_get_active (import->remove_white))
    flags |= TZ_SEAL_PROCESS_REMOVE_WHITE;
  if (gtk_switch_get_active (import->tint))
    flags |= TZ_SEAL_PROCESS_TINT_RED;
  return flags;
}

static void
seal_import_update_cb (SealImport *import)
{
  g_autoptr (GdkPixbuf) processed = tz_seal_process (import->preview, seal_import_flags (import));
  g_autoptr (GdkTexture) texture = gdk_texture_new_for_pixbuf (processed);

  gtk_picture_set_paintable (import->picture, GDK_PAINTABLE (texture));
}

static void
seal_import_response_cb (AdwMessageDialog *dialog, const char *response, TzUnitsPage *self)
{
  SealImport *import = g_object_get_data (G_OBJECT (dialog), "seal-import");
  TzDb *db = tz_page_get_db (TZ_PAGE (self));
  g_autoptr (GdkPixbuf) processed = NULL;
  g_autoptr (GError) error = NULL;
  gint64 seal_id;

  if (g_strcmp0 (response, "import") != 0 || import == NULL || db == NULL)
    return;
  processed = tz_seal_process (import->image, seal_import_flags (import));
  seal_id = tz_seal_add (db, import->unit_id, import->name, processed, FALSE, &error);
  if (seal_id == 0)
    {
      tz_page_show_error (TZ_PAGE (self), _ ("The seal image was not imported"), error);
      return;
    }
  if (self->selected_id == import->unit_id)
    {
      self->preview_seal_id = seal_id;
      update_details (self);
    }
  toast (self, _ ("Seal image imported"));
}

static GtkWidget *
switch_row_new (const char *title, const char *subtitle, gboolean active, GtkSwitch **out)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *sw = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_switch_set_active (GTK_SWITCH (sw), active);
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (sw), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
  *out = GTK_SWITCH (sw);
  return row;
}

/* Overrides */

static gboolean
relayout_cb (gpointer data)
{
  TzUnitsPage *self = data;
  gboolean narrow = gtk_widget_get_width (GTK_WIDGET (self)) < NARROW_WIDTH;

  self->relayout_id = 0;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->content_box),
                                  narrow ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->pane_separator),
                                  narrow ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL);
  return G_SOURCE_REMOVE;
}

/* The page measures and places its one child as a bin does; what it adds is
 * noticing its width, to put the details under the tree on a narrow window. */
static void
layout_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                int *natural, int *minimum_baseline, int *natural_baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_measure (child, orientation, for_size, minimum, natural, minimum_baseline,
                        natural_baseline);
}

static void
layout_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  TzUnitsPage *self = TZ_UNITS_PAGE (widget);
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));
  GtkOrientation wanted =
      width < NARROW_WIDTH ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL;

  /* Changing the layout while it is being allocated would allocate again
   * from inside the allocation: it is changed just after. */
  if (self->content_box != NULL &&
      gtk_orientable_get_orientation (GTK_ORIENTABLE (self->content_box)) != wanted &&
      self->relayout_id == 0)
    self->relayout_id = g_idle_add (relayout_cb, self);
  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_allocate (child, width, height, baseline, NULL);
}

static void
tz_units_page_reload (TzPage *page)
{
  TzUnitsPage *self = TZ_UNITS_PAGE (page);
  TzDb *db = tz_page_get_db (page);
  gint64 campaign_id = tz_page_get_campaign_id (page);
  g_autoptr (GPtrArray) units = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GListStore) roots = NULL;
  g_autoptr (GtkTreeListModel) tree = NULL;
  gboolean has_units;

  remember_expansion (self);
  if (db != NULL)
    units = tz_unit_list_tree (db, campaign_id, self->show_all || campaign_id == 0, &error);

  self->reloading = TRUE;
  roots = build_tree (self, units);
  has_units = g_list_model_get_n_items (G_LIST_MODEL (roots)) > 0;
  tree = gtk_tree_list_model_new (G_LIST_MODEL (g_steal_pointer (&roots)), FALSE, FALSE,
                                  create_child_model_cb, NULL, NULL);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (tree));
  expand_rows (self, tree);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->reloading = FALSE;

  gtk_stack_set_visible_child_name (self->stack, has_units ? "units" : "empty");
  if (!select_unit (self, self->selected_id))
    {
      self->selected_id = 0;
      self->preview_seal_id = 0;
    }
  update_details (self);
  update_actions (self);

  if (db != NULL && units == NULL)
    tz_page_show_error (page, _ ("The units could not be read"), error);
}

static void
tz_units_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TzUnitsPage *self = TZ_UNITS_PAGE (object);

  switch (prop_id)
    {
      case PROP_SHOW_ALL:
        g_value_set_boolean (value, self->show_all);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tz_units_page_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  TzUnitsPage *self = TZ_UNITS_PAGE (object);

  switch (prop_id)
    {
      case PROP_SHOW_ALL:
        tz_units_page_set_show_all (self, g_value_get_boolean (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tz_units_page_dispose (GObject *object)
{
  TzUnitsPage *self = TZ_UNITS_PAGE (object);

  g_clear_handle_id (&self->relayout_id, g_source_remove);
  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  /* AdwBin unparents the template's child itself; the tree stops reporting. */
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  G_OBJECT_CLASS (tz_units_page_parent_class)->dispose (object);
}

static void
tz_units_page_finalize (GObject *object)
{
  TzUnitsPage *self = TZ_UNITS_PAGE (object);

  g_hash_table_unref (self->nodes);
  g_hash_table_unref (self->collapsed);
  G_OBJECT_CLASS (tz_units_page_parent_class)->finalize (object);
}

static void
tz_units_page_class_init (TzUnitsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TzPageClass *page_class = TZ_PAGE_CLASS (klass);

  object_class->dispose = tz_units_page_dispose;
  object_class->finalize = tz_units_page_finalize;
  object_class->get_property = tz_units_page_get_property;
  object_class->set_property = tz_units_page_set_property;
  page_class->reload = tz_units_page_reload;
  page_class->watched_tables = watched_tables;

  properties[PROP_SHOW_ALL] =
      g_param_spec_boolean ("show-all", NULL, NULL, FALSE,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/taizhang/Taizhang/tz-units-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TzUnitsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TzUnitsPage, content_box);
  gtk_widget_class_bind_template_child (widget_class, TzUnitsPage, pane_separator);
  gtk_widget_class_bind_template_child (widget_class, TzUnitsPage, detail_scroller);
  gtk_widget_class_bind_template_child (widget_class, TzUnitsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, TzUnitsPage, name_column);
  gtk_widget_class_bind_template_child (widget_class, TzUnitsPage, kind_column);
  gtk_widget_class_bind_template_child (widget_class, TzUnitsPage, role_column);
  gtk_widget_class_bind_template_child (widget_class, TzUnitsPage, seal_column);
  gtk_widget_class_bind_template_child (widget_class, TzUnitsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, TzUnitsPage, detail_title);
  gtk_widget_class_bind_template_child (widget_class, TzUnitsPage, detail_subtitle);
  gtk_widget_class_bind_template_child (widget_class, TzUnitsPage, parent_row);
  gtk_widget_class_bind_template_child (widget_class, TzUnitsPage, short_name_row);
  gtk_widget_class_bind_template_child (widget_class, TzUnitsPage, region_row);
  gtk_widget_class_bind_template_child (widget_class, TzUnitsPage, school_level_row);
  gtk_widget_class_bind_template_child (widget_class, TzUnitsPage, address_row);
  gtk_widget_class_bind_template_child (widget_class, TzUnitsPage, phone_row);
  gtk_widget_class_bind_template_child (widget_class, TzUnitsPage, note_row);
  gtk_widget_class_bind_template_child (widget_class, TzUnitsPage, checkerboard);
  gtk_widget_class_bind_template_child (widget_class, TzUnitsPage, seal_picture);
  gtk_widget_class_bind_template_child (widget_class, TzUnitsPage, no_seal_label);
  gtk_widget_class_bind_template_child (widget_class, TzUnitsPage, seal_list);
  /* Reached by name only, by tests and the accessibility tree. */
  gtk_widget_class_bind_template_child_full (widget_class, "add_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "edit_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "show_all_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, seal_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "units.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "units.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "units.move", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "units.remove-from-campaign", NULL,
                                   remove_from_campaign_action);
  gtk_widget_class_install_action (widget_class, "units.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "units.import-seal", NULL, import_seal_action);
  gtk_widget_class_install_action (widget_class, "units.export-for-unit", NULL,
                                   export_for_unit_action);
  gtk_widget_class_install_action (widget_class, "units.create-specimen", NULL,
                                   create_specimen_action);
  gtk_widget_class_install_action (widget_class, "units.set-default-seal", "x",
                                   set_default_seal_action);
  gtk_widget_class_install_action (widget_class, "units.delete-seal", "x", delete_seal_action);
  gtk_widget_class_install_property_action (widget_class, "units.show-all", "show-all");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "units.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "units.delete", NULL);
}

static void
tz_units_page_init (TzUnitsPage *self)
{
  self->nodes = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_object_unref);
  self->collapsed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  gtk_widget_set_layout_manager (GTK_WIDGET (self),
                                 gtk_custom_layout_new (NULL, layout_measure, layout_allocate));
  gtk_widget_init_template (GTK_WIDGET (self));

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  set_factory (self->name_column, G_CALLBACK (name_setup_cb), G_CALLBACK (name_bind_cb),
               G_CALLBACK (name_unbind_cb));
  set_factory (self->kind_column, G_CALLBACK (label_setup_cb), G_CALLBACK (kind_bind_cb), NULL);
  set_factory (self->role_column, G_CALLBACK (label_setup_cb), G_CALLBACK (role_bind_cb), NULL);
  set_factory (self->seal_column, G_CALLBACK (seal_setup_cb), G_CALLBACK (seal_bind_cb), NULL);

  gtk_drawing_area_set_draw_func (self->checkerboard, draw_checkerboard, NULL, NULL);
  update_actions (self);
}

/* Public API */

GtkWidget *
tz_units_page_new (void)
{
  return g_object_new (TZ_TYPE_UNITS_PAGE, NULL);
}

gboolean
tz_units_page_get_show_all (TzUnitsPage *self)
{
  g_return_val_if_fail (TZ_IS_UNITS_PAGE (self), FALSE);
  return self->show_all;
}

void
tz_units_page_set_show_all (TzUnitsPage *self, gboolean show_all)
{
  g_return_if_fail (TZ_IS_UNITS_PAGE (self));

  show_all = !!show_all;
  if (self->show_all == show_all)
    return;
  self->show_all = show_all;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_ALL]);
  tz_page_queue_reload (TZ_PAGE (self));
}

gint64
tz_units_page_get_selected_unit (TzUnitsPage *self)
{
  g_return_val_if_fail (TZ_IS_UNITS_PAGE (self), 0);
  return self->selected_id;
}

gboolean
tz_units_page_select_unit (TzUnitsPage *self, gint64 unit_id)
{
  g_return_val_if_fail (TZ_IS_UNITS_PAGE (self), FALSE);
  return select_unit (self, unit_id);
}

gboolean
tz_units_page_move_unit (TzUnitsPage *self, gint64 unit_id, gint64 parent_id)
{
  TzDb *db;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  TzUnitNode *node;

  g_return_val_if_fail (TZ_IS_UNITS_PAGE (self), FALSE);

  db = tz_page_get_db (TZ_PAGE (self));
  if (db == NULL)
    return FALSE;
  if (!tz_unit_move (db, unit_id, parent_id, &error))
    {
      tz_page_show_error (TZ_PAGE (self), _ ("The unit was not moved"), error);
      return FALSE;
    }
  select_unit (self, unit_id);
  node = find_node (self, unit_id);
  if (node != NULL)
    message = g_strdup_printf (_ ("“%s” moved"), node->unit->name);
  toast (self, message != NULL ? message : _ ("Unit moved"));
  return TRUE;
}

gboolean
tz_units_page_import_seal (TzUnitsPage *self, GFile *file)
{
  TzDb *db;
  TzUnitNode *node;
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkPixbuf) image = NULL;
  g_autofree char *path = NULL;
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;
  SealImport *import;
  GtkWidget *box, *preview, *group;
  double scale;

  g_return_val_if_fail (TZ_IS_UNITS_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  db = tz_page_get_db (TZ_PAGE (self));
  node = find_node (self, self->selected_id);
  if (db == NULL || node == NULL)
    return FALSE;
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (&error, TZ_ERROR, TZ_ERROR_NOT_FOUND,
                   _ ("The seal image is not a local file. Copy it to this computer first."));
      tz_page_show_error (TZ_PAGE (self), _ ("The seal image was not imported"), error);
      return FALSE;
    }
  image = tz_seal_load_file (path, &error);
  if (image == NULL)
    {
      tz_page_show_error (TZ_PAGE (self), _ ("The seal image was not imported"), error);
      return FALSE;
    }

  import = g_new0 (SealImport, 1);
  import->unit_id = node->unit->id;
  import->name = g_filename_display_basename (path);
  import->image = g_steal_pointer (&image);
  scale = MIN (1.0, (double) PREVIEW_PX / MAX (gdk_pixbuf_get_width (import->image),
                                               gdk_pixbuf_get_height (import->image)));
  import->preview = gdk_pixbuf_scale_simple (
      import->image, MAX (1, (int) (gdk_pixbuf_get_width (import->image) * scale)),
      MAX (1, (int) (gdk_pixbuf_get_height (import->image) * scale)), GDK_INTERP_BILINEAR);

  heading = g_strdup_printf (_ ("Import Seal for “%s”"), node->unit->name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
      parent_window (self), heading,
      _ ("Check the preview before importing. Remove the white background of a scan so that "
         "the text under the seal stays legible; tint it red when the scan is black or faded.")));
  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), "import", _ ("_Import"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "import", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "import");
  adw_message_dialog_set_close_response (dialog, "cancel");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  preview = seal_preview_new (200, &import->picture);
  gtk_widget_set_name (GTK_WIDGET (import->picture), "seal-import-preview");
  group = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (group), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (group, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (group), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Processing"), -1);
  gtk_list_box_append (GTK_LIST_BOX (group), switch_row_new (_ ("Remove white background"),
                                                             _ ("Paper becomes transparent"), TRUE,
                                                             &import->remove_white));
  gtk_list_box_append (
      GTK_LIST_BOX (group),
      switch_row_new (_ ("Tint red"), _ ("The ink becomes seal red"), FALSE, &import->tint));
  gtk_widget_set_name (GTK_WIDGET (import->remove_white), "remove-white-switch");
  gtk_widget_set_name (GTK_WIDGET (import->tint), "tint-red-switch");
  gtk_box_append (GTK_BOX (box), preview);
  gtk_box_append (GTK_BOX (box), group);
  adw_message_dialog_set_extra_child (dialog, box);

  g_object_set_data_full (G_OBJECT (dialog), "seal-import", import,
                          (GDestroyNotify) seal_import_free);
  g_signal_connect_swapped (import->remove_white, "notify::active",
                            G_CALLBACK (seal_import_update_cb), import);
  g_signal_connect_swapped (import->tint, "notify::active", G_CALLBACK (seal_import_update_cb),
                            import);
  seal_import_update_cb (import);
  present_message_dialog (self, dialog, G_CALLBACK (seal_import_response_cb));
  return TRUE;
}
