/* tz-template.c — the blank xlsx template of a track
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tz-template"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "tz-campaign.h"
#include "tz-error.h"
#include "tz-table-columns.h"
#include "tz-template.h"
#include "tz-xlsx.h"

/* The rows of the fill-in sheet that carry the drop-down lists and text format. */
#define DATA_ROWS 2000

#define LIST_SHEET         "_lists"
#define INSTRUCTIONS_SHEET "填报说明"

/* The fill-in sheet's name: the track's short name when it is a valid sheet name. */
static char *
sheet_name (const TzTableLayout *l)
{
  const char *name = l->short_name;

  if (name == NULL || *name == '\0' || g_utf8_strlen (name, -1) > 31 ||
      strpbrk (name, "[]:*?/\\'") != NULL || g_str_equal (name, INSTRUCTIONS_SHEET) ||
      g_str_equal (name, LIST_SHEET) || g_str_equal (name, TZ_TABLE_META_SHEET))
    name = "填报表";
  return g_strdup (name);
}

static char *
column_letters (guint col)
{
  char buf[8];
  int i = sizeof buf - 1;

  buf[i] = '\0';
  col++;
  while (col > 0 && i > 0)
    {
      buf[--i] = 'A' + (col - 1) % 26;
      col = (col - 1) / 26;
    }
  return g_strdup (buf + i);
}

static void
write_instructions (TzDb *db, lxw_workbook *wb, const TzTableLayout *l, lxw_format *title_fmt,
                    lxw_format *head_fmt, lxw_format *wrap_fmt)
{
  lxw_worksheet *ws = workbook_add_worksheet (wb, INSTRUCTIONS_SHEET);
  g_autoptr (GPtrArray) deadlines = tz_campaign_list_deadlines (db, l->campaign_id, NULL);
  g_autoptr (GPtrArray) contacts = tz_campaign_list_contacts (db, l->campaign_id, NULL);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *title = g_strdup_printf ("%s — %s 填报说明", l->campaign_title, l->track_name);
  lxw_row_t row = 0;

  worksheet_set_column (ws, 0, 0, 16, NULL);
  worksheet_set_column (ws, 1, 1, 10, NULL);
  worksheet_set_column (ws, 2, 2, 80, wrap_fmt);
  worksheet_merge_range (ws, row, 0, row, 2, title, title_fmt);
  row += 2;
  worksheet_write_string (ws, row, 0, "活动", head_fmt);
  worksheet_write_string (ws, row++, 2, l->campaign_title, NULL);
  worksheet_write_string (ws, row, 0, "子活动", head_fmt);
  worksheet_write_string (ws, row++, 2, l->track_name, NULL);
  for (guint i = 0; deadlines != NULL && i < deadlines->len; i++)
    {
      TzDeadline *d = deadlines->pdata[i];
      g_autofree char *text = NULL;

      if (d->track_id != 0 && d->track_id != l->track_id)
        continue;
      text = g_strdup_printf ("%s %s%s%s", d->due_date, d->title != NULL ? d->title : "",
                              d->mailbox != NULL ? " " : "", d->mailbox != NULL ? d->mailbox : "");
      worksheet_write_string (ws, row, 0, "截止时间", head_fmt);
      worksheet_write_string (ws, row++, 2, text, NULL);
    }
  for (guint i = 0; contacts != NULL && i < contacts->len; i++)
    {
      TzContact *c = contacts->pdata[i];
      g_autofree char *text =
          g_strjoin (" ", c->organization != NULL ? c->organization : "",
                     c->department != NULL ? c->department : "", c->name != NULL ? c->name : "",
                     c->phone != NULL ? c->phone : "", c->email != NULL ? c->email : "", NULL);

      worksheet_write_string (ws, row, 0, "联系人", head_fmt);
      worksheet_write_string (ws, row++, 2, g_strstrip (text), NULL);
    }
  stmt = tz_db_prepare (
      db, "SELECT key, value, note FROM requirement WHERE track_id = ?1 ORDER BY seq", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, l->track_id);
      while (tz_db_step (db, stmt, NULL) == SQLITE_ROW)
        {
          g_autofree char *key = tz_db_column_dup (stmt, 0);
          g_autofree char *value = tz_db_column_dup (stmt, 1);
          g_autofree char *note = tz_db_column_dup (stmt, 2);
          g_autofree char *text = NULL;

          if (note != NULL && *note != '\0')
            text = g_strdup (note);
          else if (g_strcmp0 (key, "text") == 0)
            text = g_strdup (value != NULL ? value : "");
          else
            text = g_strdup_printf ("%s: %s", key, value != NULL ? value : "");
          worksheet_write_string (ws, row, 0, "作品要求", head_fmt);
          worksheet_write_string (ws, row++, 2, text, wrap_fmt);
        }
    }
  row++;
  worksheet_write_string (ws, row, 0, "列名", head_fmt);
  worksheet_write_string (ws, row, 1, "必填", head_fmt);
  worksheet_write_string (ws, row++, 2, "说明", head_fmt);
  for (guint i = 0; i < l->columns->len; i++)
    {
      const TzTableColumn *c = l->columns->pdata[i];

      worksheet_write_string (ws, row, 0, c->header, NULL);
      worksheet_write_string (ws, row, 1, c->required ? "是" : "", NULL);
      worksheet_write_string (ws, row++, 2, c->hint, wrap_fmt);
    }
  row++;
  worksheet_write_string (ws, row, 0, "注意", head_fmt);
  worksheet_write_string (
      ws, row++, 2, "带 * 的列必须填写。请勿修改表头、删除或改名工作表；一行填一条。", wrap_fmt);
}

gboolean
tz_template_write (TzDb *db, gint64 track_id, const char *path, GError **error)
{
  g_autoptr (TzTableLayout) l = tz_table_layout_for_track (db, track_id, error);
  g_autofree char *tmp = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  lxw_workbook_options wo = { .constant_memory = LXW_FALSE };
  lxw_workbook *wb;
  lxw_worksheet *ws, *lists, *meta;
  lxw_format *title_fmt, *head_fmt, *text_fmt, *wrap_fmt;
  guint n_cols, list_col = 0;
  lxw_error status;
  int fd;

  if (l == NULL)
    return FALSE;
  n_cols = l->columns->len;
  tmp = g_strdup_printf ("%s.XXXXXX", path);
  fd = g_mkstemp_full (tmp, O_RDWR, 0600);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _ ("The spreadsheet “%s” cannot be written: %s."), path, g_strerror (saved));
      return FALSE;
    }
  g_close (fd, NULL);
  wb = workbook_new_opt (tmp, &wo);
  if (wb == NULL)
    {
      g_unlink (tmp);
      return tz_xlsx_check (LXW_ERROR_CREATING_XLSX_FILE, path, error);
    }
  name = sheet_name (l);
  ws = workbook_add_worksheet (wb, name);
  title_fmt = workbook_add_format (wb);
  format_set_bold (title_fmt);
  format_set_font_size (title_fmt, 16);
  format_set_align (title_fmt, LXW_ALIGN_CENTER);
  format_set_align (title_fmt, LXW_ALIGN_VERTICAL_CENTER);
  head_fmt = workbook_add_format (wb);
  format_set_bold (head_fmt);
  format_set_border (head_fmt, LXW_BORDER_THIN);
  format_set_align (head_fmt, LXW_ALIGN_CENTER);
  format_set_align (head_fmt, LXW_ALIGN_VERTICAL_CENTER);
  format_set_text_wrap (head_fmt);
  format_set_bg_color (head_fmt, 0xDDEBF7);
  text_fmt = workbook_add_format (wb);
  format_set_num_format_index (text_fmt, 49); /* built-in "@" */
  wrap_fmt = workbook_add_format (wb);
  format_set_text_wrap (wrap_fmt);
  format_set_align (wrap_fmt, LXW_ALIGN_VERTICAL_TOP);

  write_instructions (db, wb, l, title_fmt, head_fmt, wrap_fmt);
  lists = workbook_add_worksheet (wb, LIST_SHEET);
  meta = workbook_add_worksheet (wb, TZ_TABLE_META_SHEET);

  title = g_strdup_printf ("%s — %s", l->campaign_title, l->track_name);
  worksheet_set_row (ws, 0, 32, NULL);
  worksheet_set_row (ws, TZ_TEMPLATE_HEADER_ROW - 1, 30, NULL);
  if (n_cols > 1)
    worksheet_merge_range (ws, 0, 0, 0, n_cols - 1, title, title_fmt);
  else
    worksheet_write_string (ws, 0, 0, title, title_fmt);
  for (guint i = 0; i < n_cols; i++)
    {
      const TzTableColumn *c = l->columns->pdata[i];
      g_autofree char *header = g_strconcat (c->required ? "*" : "", c->header, NULL);
      lxw_data_validation dv = { 0 };
      g_autofree char *formula = NULL;
      g_autofree char *input_title = NULL;
      g_autofree char *hint = NULL;
      double width;
      gboolean text = c->kind == TZ_TABLE_KIND_ID_NUMBER || c->kind == TZ_TABLE_KIND_PHONE ||
                      c->kind == TZ_TABLE_KIND_TEXT || c->kind == TZ_TABLE_KIND_EMAIL ||
                      c->kind == TZ_TABLE_KIND_DATE;

      worksheet_write_string (ws, TZ_TEMPLATE_HEADER_ROW - 1, i, header, head_fmt);
      switch (c->kind)
        {
          case TZ_TABLE_KIND_ID_NUMBER:
            width = 22;
            break;
          case TZ_TABLE_KIND_PHONE:
            width = 15;
            break;
          case TZ_TABLE_KIND_COUNT:
            width = c->field == TZ_TABLE_FIELD_SEQ ? 6 : 10;
            break;
          case TZ_TABLE_KIND_CHOICE:
            width = c->field == TZ_TABLE_FIELD_GENDER ? 6 : 12;
            break;
          default:
            width = c->max_chars > 200 ? 40 : c->max_chars > 50 ? 24 : 12;
        }
      width = MAX (width, tz_xlsx_text_width (header) + 2);
      /* ID and phone numbers as text, so Excel keeps the leading digits and the X */
      worksheet_set_column (ws, i, i, width, text ? text_fmt : NULL);

      /* a value of input message: at most 255 characters, a title of 32 */
      input_title = g_utf8_substring (c->header, 0, 16);
      hint = g_utf8_strlen (c->hint, -1) > 120 ? g_utf8_substring (c->hint, 0, 120)
                                               : g_strdup (c->hint);
      dv.input_title = input_title;
      dv.input_message = hint;
      dv.show_input = LXW_VALIDATION_ON;
      dv.ignore_blank = LXW_VALIDATION_ON;
      if (c->kind == TZ_TABLE_KIND_CHOICE && c->choices != NULL && c->choices[0] != NULL)
        {
          guint n = g_strv_length (c->choices);
          g_autofree char *letters = column_letters (list_col);

          /* every list through a range of the list sheet: no 255-character limit */
          worksheet_write_string (lists, 0, list_col, c->header, NULL);
          for (guint k = 0; k < n; k++)
            worksheet_write_string (lists, k + 1, list_col, c->choices[k], NULL);
          /* (libxlsxwriter 1.1.4 keeps, and never frees, a copy of a list
           * formula: a few bytes per template, reported by valgrind) */
          formula = g_strdup_printf ("='%s'!$%s$2:$%s$%u", LIST_SHEET, letters, letters, n + 1);
          list_col++;
          dv.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
          dv.value_formula = formula;
          dv.show_error = LXW_VALIDATION_ON;
          dv.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
        }
      else if (c->kind == TZ_TABLE_KIND_ID_NUMBER)
        {
          dv.validate = LXW_VALIDATION_TYPE_LENGTH;
          dv.criteria = LXW_VALIDATION_CRITERIA_EQUAL_TO;
          dv.value_number = 18;
          dv.show_error = LXW_VALIDATION_ON;
        }
      else if (c->kind == TZ_TABLE_KIND_TEXT && c->max_chars > 0 && c->max_chars < 32767)
        {
          dv.validate = LXW_VALIDATION_TYPE_LENGTH;
          dv.criteria = LXW_VALIDATION_CRITERIA_LESS_THAN_OR_EQUAL_TO;
          dv.value_number = c->max_chars;
          dv.show_error = LXW_VALIDATION_ON;
        }
      else if (c->kind == TZ_TABLE_KIND_COUNT)
        {
          dv.validate = LXW_VALIDATION_TYPE_INTEGER;
          dv.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
          dv.value_number = 0;
          dv.show_error = LXW_VALIDATION_ON;
        }
      else
        {
          /* any text: a length check that never fails carries the input message */
          dv.validate = LXW_VALIDATION_TYPE_LENGTH;
          dv.criteria = LXW_VALIDATION_CRITERIA_LESS_THAN_OR_EQUAL_TO;
          dv.value_number = 32767;
        }
      worksheet_data_validation_range (ws, TZ_TEMPLATE_HEADER_ROW, i,
                                       TZ_TEMPLATE_HEADER_ROW + DATA_ROWS - 1, i, &dv);
    }
  worksheet_freeze_panes (ws, TZ_TEMPLATE_HEADER_ROW, 0);
  worksheet_activate (ws);
  worksheet_hide (lists);

  worksheet_write_string (meta, 0, 0, TZ_TABLE_META_KEY_FORMAT, NULL);
  worksheet_write_string (meta, 0, 1, TZ_TABLE_META_FORMAT, NULL);
  worksheet_write_string (meta, 1, 0, TZ_TABLE_META_KEY_VERSION, NULL);
  worksheet_write_string (meta, 1, 1, TZ_TABLE_META_VERSION, NULL);
  worksheet_write_string (meta, 2, 0, TZ_TABLE_META_KEY_CAMPAIGN_UUID, NULL);
  worksheet_write_string (meta, 2, 1, l->campaign_uuid, NULL);
  worksheet_write_string (meta, 3, 0, TZ_TABLE_META_KEY_CAMPAIGN_TITLE, NULL);
  worksheet_write_string (meta, 3, 1, l->campaign_title, NULL);
  worksheet_write_string (meta, 4, 0, TZ_TABLE_META_KEY_TRACK_UUID, NULL);
  worksheet_write_string (meta, 4, 1, l->track_uuid, NULL);
  worksheet_write_string (meta, 5, 0, TZ_TABLE_META_KEY_TRACK_NAME, NULL);
  worksheet_write_string (meta, 5, 1, l->track_name, NULL);
  /* libxlsxwriter 1.1 has no "very hidden"; hidden and protected it is */
  worksheet_hide (meta);
  worksheet_protect (meta, NULL, NULL);

  status = workbook_close (wb);
  if (!tz_xlsx_check (status, path, error))
    {
      g_unlink (tmp);
      return FALSE;
    }
  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;

      g_unlink (tmp);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _ ("The spreadsheet “%s” cannot be written: %s."), path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}
