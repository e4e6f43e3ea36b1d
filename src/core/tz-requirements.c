/* tz-requirements.c — the work requirements of a track and the check of a work
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Requirements come from campaign notices written by people (视频时长在 1 分钟
 * 以内, 分辨率 1920×1080 以上), so the check is forgiving where the notice is
 * loose: a duration is compared to the nearest second, an aspect ratio within
 * 1 %, and a minimum resolution is read as a quality bar for the long and the
 * short side, whatever the orientation (which has a key of its own).
 */
#define G_LOG_DOMAIN "tz-requirements"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "tz-error.h"
#include "tz-requirements.h"
#include "tz-text.h"
#include "tz-validate.h"

#define ASPECT_TOLERANCE           0.01
#define DURATION_TOLERANCE_SECONDS 0.5
#define MAX_ASPECT_TERM            10000
#define MAX_FORMAT_LENGTH          10

typedef enum
{
  VALUE_INTEGER,
  VALUE_BYTES, /* an integer, or with a K/M/G suffix in units of 1024 */
  VALUE_FORMATS,
  VALUE_ASPECT,
  VALUE_ORIENTATION,
  VALUE_TEXT,
} ValueKind;

typedef struct
{
  const char *key;
  ValueKind kind;
  gssize offset; /* of the gint64 in TzWorkRequirements; -1: checked but not kept */
} KeyInfo;

#define REQ_OFFSET(member) ((gssize) G_STRUCT_OFFSET (TzWorkRequirements, member))

static const KeyInfo known_keys[] = {
  { "max_duration_seconds", VALUE_INTEGER, REQ_OFFSET (max_duration_seconds) },
  { "max_file_bytes", VALUE_BYTES, REQ_OFFSET (max_file_bytes) },
  { "max_image_bytes", VALUE_BYTES, REQ_OFFSET (max_image_bytes) },
  { "formats", VALUE_FORMATS, -1 },
  { "aspect_ratio", VALUE_ASPECT, -1 },
  { "orientation", VALUE_ORIENTATION, -1 },
  { "min_width", VALUE_INTEGER, REQ_OFFSET (min_width) },
  { "min_height", VALUE_INTEGER, REQ_OFFSET (min_height) },
  { "max_description_chars", VALUE_INTEGER, REQ_OFFSET (max_description_chars) },
  { "max_summary_chars", VALUE_INTEGER, REQ_OFFSET (max_summary_chars) },
  /* A guide for the writer, not a limit; still refused when not a number. */
  { "material_chars", VALUE_INTEGER, -1 },
  { "min_followers", VALUE_INTEGER, REQ_OFFSET (min_followers) },
  /* Needs the work's date, which TzWorkInfo does not carry. */
  { "original_within_days", VALUE_INTEGER, -1 },
  { "text", VALUE_TEXT, -1 },
};

/* Names of one format; the first of each pair is how notices usually write it. */
static const char *const format_aliases[][2] = {
  { "JPG", "JPEG" },
  { "TIF", "TIFF" },
  { "MPG", "MPEG" },
};

static const KeyInfo *
find_key (const char *key)
{
  if (key == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (known_keys); i++)
    {
      if (strcmp (known_keys[i].key, key) == 0)
        return &known_keys[i];
    }
  return NULL;
}

/* The value with full-width characters folded and white space stripped;
 * NULL for invalid UTF-8. */
static char *
clean_value (const char *value)
{
  char *folded = tz_fold_fullwidth (value != NULL ? value : "");

  return folded != NULL ? g_strstrip (folded) : NULL;
}

static gboolean
parse_integer (const char *key, const char *value, gboolean bytes, gint64 *out, GError **error)
{
  g_autofree char *field = g_strdup_printf (_ ("Requirement %s"), key);
  g_autofree char *text = clean_value (value);
  gint64 unit = 1;
  gint64 n;

  if (bytes && text != NULL)
    {
      static const struct
      {
        const char *suffix;
        gint64 unit;
      } suffixes[] = {
        { "KB", 1024 },
        { "K", 1024 },
        { "MB", 1024 * 1024 },
        { "M", 1024 * 1024 },
        { "GB", 1024 * 1024 * 1024 },
        { "G", 1024 * 1024 * 1024 },
      };
      gsize len = strlen (text);

      for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
        {
          gsize slen = strlen (suffixes[i].suffix);

          if (len > slen && g_ascii_strcasecmp (text + len - slen, suffixes[i].suffix) == 0)
            {
              text[len - slen] = '\0';
              g_strchomp (text);
              unit = suffixes[i].unit;
              break;
            }
        }
    }

  if (!tz_validate_count_max (field, text != NULL ? text : value, G_MAXINT64 / unit, &n, error))
    return FALSE;
  *out = n * unit;
  return TRUE;
}

static gboolean
parse_formats (const char *value, char ***out, GError **error)
{
  g_autofree char *text = clean_value (value);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr (GString) list = NULL;
  g_auto (GStrv) parts = NULL;
  guint n = 0;

  if (text != NULL)
    {
      /* Notices separate formats with commas, 、, slashes or spaces; the
       * full-width comma was folded to ASCII already. */
      list = g_string_new (text);
      g_string_replace (list, "、", ",", 0);
      g_strdelimit (list->str, ";/ \t", ',');
      parts = g_strsplit (list->str, ",", -1);
    }

  for (guint i = 0; parts != NULL && parts[i] != NULL; i++)
    {
      char *p = g_strstrip (parts[i]);
      g_autofree char *upper = NULL;

      if (*p == '.')
        p++;
      if (*p == '\0')
        continue;

      for (const char *c = p; *c != '\0'; c++)
        {
          if (!g_ascii_isalnum (*c) || c - p >= MAX_FORMAT_LENGTH)
            {
              g_autofree char *shown = tz_text_echo (p);

              g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                           _ ("Requirement formats: “%s” is not a file format. List the accepted "
                              "formats separated by commas, such as MP4,AVI."),
                           shown);
              return FALSE;
            }
        }
      upper = g_ascii_strup (p, -1);
      g_strv_builder_add (builder, upper);
      n++;
    }

  if (n == 0)
    {
      g_set_error_literal (error, TZ_ERROR, TZ_ERROR_INVALID,
                           _ ("Requirement formats: no format is given. List the accepted formats "
                              "separated by commas, such as MP4,AVI."));
      return FALSE;
    }

  *out = g_strv_builder_end (builder);
  return TRUE;
}

static gboolean
parse_aspect (const char *value, guint *w, guint *h, GError **error)
{
  g_autofree char *text = clean_value (value);
  guint64 a, b;
  char *end;

  /* Digits, a colon, digits: g_ascii_strtoull alone would accept signs and spaces. */
  if (text != NULL && g_ascii_isdigit (text[0]))
    {
      a = g_ascii_strtoull (text, &end, 10);
      if (*end == ':' && g_ascii_isdigit (end[1]))
        {
          b = g_ascii_strtoull (end + 1, &end, 10);
          if (*end == '\0' && a > 0 && b > 0 && a <= MAX_ASPECT_TERM && b <= MAX_ASPECT_TERM)
            {
              *w = (guint) a;
              *h = (guint) b;
              return TRUE;
            }
        }
    }

  {
    g_autofree char *shown = tz_text_echo (value);

    g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                 _ ("Requirement aspect_ratio: “%s” is not a ratio. Write it as width:height, "
                    "such as 16:9."),
                 shown);
  }
  return FALSE;
}

static gboolean
parse_orientation (const char *value, char **out, GError **error)
{
  g_autofree char *text = clean_value (value);
  g_autofree char *shown = NULL;

  if (text != NULL)
    {
      if (g_ascii_strcasecmp (text, "landscape") == 0 || strcmp (text, "横屏") == 0 ||
          strcmp (text, "横版") == 0)
        {
          *out = g_strdup ("landscape");
          return TRUE;
        }
      if (g_ascii_strcasecmp (text, "portrait") == 0 || strcmp (text, "竖屏") == 0 ||
          strcmp (text, "竖版") == 0)
        {
          *out = g_strdup ("portrait");
          return TRUE;
        }
    }

  shown = tz_text_echo (value);
  g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
               _ ("Requirement orientation: “%s” is neither landscape nor portrait. Write "
                  "landscape or portrait."),
               shown);
  return FALSE;
}

static char *
format_duration (double seconds)
{
  gint64 s = (gint64) floor (seconds + 0.5);

  if (s >= 3600)
    return g_strdup_printf ("%lld:%02d:%02d", (long long) (s / 3600), (int) (s / 60 % 60),
                            (int) (s % 60));
  return g_strdup_printf ("%d:%02d", (int) (s / 60), (int) (s % 60));
}

static char *
format_bytes_one (gint64 bytes, int decimals)
{
  if (bytes >= 1024 * 1024)
    return g_strdup_printf ("%.*f MB", decimals, bytes / (1024.0 * 1024.0));
  if (bytes >= 1024)
    return g_strdup_printf ("%.*f KB", decimals, bytes / 1024.0);
  return g_strdup_printf ("%lld B", (long long) bytes);
}

/* Both sizes for one message; exact byte counts when the rounded values
 * would read the same (100.0 MB against 100.0 MB). */
static void
format_bytes_pair (gint64 a, gint64 b, char **a_text, char **b_text)
{
  *a_text = format_bytes_one (a, 1);
  *b_text = format_bytes_one (b, 1);
  if (strcmp (*a_text, *b_text) == 0)
    {
      g_free (*a_text);
      g_free (*b_text);
      *a_text = g_strdup_printf ("%lld B", (long long) a);
      *b_text = g_strdup_printf ("%lld B", (long long) b);
    }
}

static guint64
gcd (guint64 a, guint64 b)
{
  while (b != 0)
    {
      guint64 t = a % b;
      a = b;
      b = t;
    }
  return a;
}

/* 1024×768 → "4:3"; 1366×768 → "1.78:1", since 683:384 tells nobody anything;
 * 8:5 is written 16:10, as screens are sold. */
static char *
format_ratio (gint64 w, gint64 h)
{
  guint64 g = gcd ((guint64) w, (guint64) h);

  if ((w / g == 8 && h / g == 5) || (w / g == 5 && h / g == 8))
    return g_strdup_printf ("%d:%d", (int) (w / g * 2), (int) (h / g * 2));
  if (w / g <= 32 && h / g <= 32)
    return g_strdup_printf ("%llu:%llu", (unsigned long long) (w / g),
                            (unsigned long long) (h / g));
  return g_strdup_printf ("%.2f:1", (double) w / (double) h);
}

/* The extension, upper-case, of "mp4", "MP4" or "clip.mp4"; NULL if none. */
static char *
work_format (const char *format)
{
  const char *dot;
  const char *ext;

  if (format == NULL || !g_utf8_validate (format, -1, NULL))
    return NULL;
  dot = strrchr (format, '.');
  ext = dot != NULL ? dot + 1 : format;
  if (*ext == '\0' || strchr (ext, '/') != NULL)
    return NULL;
  return g_ascii_strup (ext, -1);
}

static gboolean
format_matches (const char *a, const char *b)
{
  if (g_ascii_strcasecmp (a, b) == 0)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (format_aliases); i++)
    {
      if ((g_ascii_strcasecmp (a, format_aliases[i][0]) == 0 &&
           g_ascii_strcasecmp (b, format_aliases[i][1]) == 0) ||
          (g_ascii_strcasecmp (a, format_aliases[i][1]) == 0 &&
           g_ascii_strcasecmp (b, format_aliases[i][0]) == 0))
        return TRUE;
    }
  return FALSE;
}

static void
add_failure (GPtrArray **failures, char *message)
{
  if (*failures == NULL)
    *failures = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (*failures, message);
}

typedef enum
{
  TEXT_OK,
  TEXT_INVALID,
  TEXT_TOO_LONG,
} TextCheck;

/* Whether @text fits @max_chars characters; *n_chars receives its length. */
static TextCheck
check_text (const char *text, gint64 max_chars, glong *n_chars)
{
  if (max_chars <= 0 || text == NULL)
    return TEXT_OK;
  if (!g_utf8_validate (text, -1, NULL))
    return TEXT_INVALID;
  *n_chars = g_utf8_strlen (text, -1);
  return *n_chars > max_chars ? TEXT_TOO_LONG : TEXT_OK;
}

static void
check_size (const TzWorkRequirements *req, const TzWorkInfo *work, GPtrArray **failures)
{
  gint64 max =
      work->is_image && req->max_image_bytes > 0 ? req->max_image_bytes : req->max_file_bytes;
  g_autofree char *size_text = NULL;
  g_autofree char *max_text = NULL;

  if (max <= 0 || work->file_size < 0 || work->file_size <= max)
    return;

  format_bytes_pair (work->file_size, max, &size_text, &max_text);
  if (work->is_image)
    add_failure (failures, g_strdup_printf (_ ("Image size: the image file is %s, but at most %s "
                                               "is allowed. Save the image again at a smaller "
                                               "size."),
                                            size_text, max_text));
  else
    add_failure (failures, g_strdup_printf (_ ("File size: the file is %s, but at most %s is "
                                               "allowed. Compress the file or export it again at "
                                               "a lower quality."),
                                            size_text, max_text));
}

static void
check_format (const TzWorkRequirements *req, const TzWorkInfo *work, GPtrArray **failures)
{
  g_autofree char *format = NULL;
  g_autofree char *accepted = NULL;
  guint n;

  if (req->formats == NULL || req->formats[0] == NULL)
    return;
  format = work_format (work->format);
  if (format == NULL)
    return;
  for (n = 0; req->formats[n] != NULL; n++)
    {
      if (format_matches (format, req->formats[n]))
        return;
    }

  accepted = g_strjoinv (", ", req->formats);
  add_failure (failures,
               g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Format: the file is %s, but only %s is accepted. "
                                             "Convert the file to this format.",
                                             "Format: the file is %s, but only %s are accepted. "
                                             "Convert the file to one of these formats.",
                                             n),
                                format, accepted));
}

static void
check_picture (const TzWorkRequirements *req, const TzWorkInfo *work, GPtrArray **failures)
{
  gint64 w = work->width, h = work->height;

  if (req->min_width > 0 && req->min_height > 0)
    {
      if (w > 0 && h > 0 &&
          (MAX (w, h) < MAX (req->min_width, req->min_height) ||
           MIN (w, h) < MIN (req->min_width, req->min_height)))
        add_failure (failures,
                     g_strdup_printf (_ ("Resolution: the work is %lld×%lld, but at least "
                                         "%lld×%lld is required. Export the work again at a "
                                         "higher resolution."),
                                      (long long) w, (long long) h, (long long) req->min_width,
                                      (long long) req->min_height));
    }
  else if (req->min_width > 0 && w > 0 && w < req->min_width)
    add_failure (failures, g_strdup_printf (_ ("Resolution: the work is %lld pixels wide, but at "
                                               "least %lld is required. Export the work again at "
                                               "a higher resolution."),
                                            (long long) w, (long long) req->min_width));
  else if (req->min_height > 0 && h > 0 && h < req->min_height)
    add_failure (failures, g_strdup_printf (_ ("Resolution: the work is %lld pixels high, but at "
                                               "least %lld is required. Export the work again at "
                                               "a higher resolution."),
                                            (long long) h, (long long) req->min_height));

  if (w <= 0 || h <= 0)
    return;

  if (req->aspect_w > 0 && req->aspect_h > 0)
    {
      double ratio = (double) w / (double) h;
      double wanted = (double) req->aspect_w / (double) req->aspect_h;

      if (fabs (ratio / wanted - 1.0) > ASPECT_TOLERANCE)
        {
          g_autofree char *shown = format_ratio (w, h);

          add_failure (failures,
                       g_strdup_printf (_ ("Aspect ratio: the work is %lld×%lld (%s), but %u:%u "
                                           "is required. Crop the work or export it again at "
                                           "%u:%u."),
                                        (long long) w, (long long) h, shown, req->aspect_w,
                                        req->aspect_h, req->aspect_w, req->aspect_h));
        }
    }

  if (g_strcmp0 (req->orientation, "landscape") == 0 && w <= h)
    add_failure (failures, g_strdup_printf (_ ("Orientation: the work is %lld×%lld, but it must be "
                                               "landscape (wider than high). Export it again in "
                                               "landscape."),
                                            (long long) w, (long long) h));
  else if (g_strcmp0 (req->orientation, "portrait") == 0 && h <= w)
    add_failure (failures, g_strdup_printf (_ ("Orientation: the work is %lld×%lld, but it must be "
                                               "portrait (higher than wide). Export it again in "
                                               "portrait."),
                                            (long long) w, (long long) h));
}

void
tz_work_info_init (TzWorkInfo *info)
{
  g_return_if_fail (info != NULL);

  memset (info, 0, sizeof *info);
  info->duration_seconds = -1;
  info->file_size = -1;
  info->is_image = FALSE;
  info->format = NULL;
  info->width = -1;
  info->height = -1;
  info->description = NULL;
  info->summary = NULL;
  info->followers = -1;
}

TzWorkRequirements *
tz_work_requirements_new (void)
{
  return g_new0 (TzWorkRequirements, 1);
}

void
tz_work_requirements_free (TzWorkRequirements *req)
{
  if (req == NULL)
    return;
  g_strfreev (req->formats);
  g_free (req->orientation);
  g_free (req);
}

gboolean
tz_requirement_key_is_known (const char *key)
{
  return find_key (key) != NULL;
}

gboolean
tz_work_requirements_set (TzWorkRequirements *req, const char *key, const char *value,
                          GError **error)
{
  const KeyInfo *info;

  g_return_val_if_fail (req != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  info = find_key (key);
  if (info == NULL)
    return TRUE;

  switch (info->kind)
    {
      case VALUE_INTEGER:
      case VALUE_BYTES:
        {
          gint64 n;

          if (!parse_integer (key, value, info->kind == VALUE_BYTES, &n, error))
            return FALSE;
          if (info->offset >= 0)
            G_STRUCT_MEMBER (gint64, req, info->offset) = n;
          return TRUE;
        }

      case VALUE_FORMATS:
        {
          char **formats = NULL;

          if (!parse_formats (value, &formats, error))
            return FALSE;
          g_strfreev (req->formats);
          req->formats = formats;
          return TRUE;
        }

      case VALUE_ASPECT:
        return parse_aspect (value, &req->aspect_w, &req->aspect_h, error);

      case VALUE_ORIENTATION:
        {
          char *orientation = NULL;

          if (!parse_orientation (value, &orientation, error))
            return FALSE;
          g_free (req->orientation);
          req->orientation = orientation;
          return TRUE;
        }

      case VALUE_TEXT:
        return TRUE;

      default:
        g_assert_not_reached ();
    }
  return FALSE;
}

gboolean
tz_work_requirements_check (const TzWorkRequirements *req, const TzWorkInfo *work,
                            GPtrArray **failures)
{
  g_autoptr (GPtrArray) found = NULL;
  glong n_chars = 0;

  g_return_val_if_fail (req != NULL, FALSE);
  g_return_val_if_fail (work != NULL, FALSE);

  if (req->max_duration_seconds > 0 && work->duration_seconds >= 0 &&
      work->duration_seconds > req->max_duration_seconds + DURATION_TOLERANCE_SECONDS)
    {
      g_autofree char *length = format_duration (work->duration_seconds);
      g_autofree char *max = format_duration (req->max_duration_seconds);

      add_failure (&found, g_strdup_printf (_ ("Duration: the video lasts %s, but at most %s is "
                                               "allowed. Shorten the video."),
                                            length, max));
    }

  check_size (req, work, &found);
  check_format (req, work, &found);
  check_picture (req, work, &found);

  switch (check_text (work->description, req->max_description_chars, &n_chars))
    {
      case TEXT_INVALID:
        add_failure (&found, g_strdup (_ ("Work description: the text contains bytes that are not "
                                          "valid UTF-8. Type the text again.")));
        break;
      case TEXT_TOO_LONG:
        add_failure (&found,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "Work description: at most %lld character is "
                                                   "allowed, and the text has %ld. Shorten the "
                                                   "text.",
                                                   "Work description: at most %lld characters are "
                                                   "allowed, and the text has %ld. Shorten the "
                                                   "text.",
                                                   (gulong) req->max_description_chars),
                                      (long long) req->max_description_chars, n_chars));
        break;
      case TEXT_OK:
      default:
        break;
    }

  switch (check_text (work->summary, req->max_summary_chars, &n_chars))
    {
      case TEXT_INVALID:
        add_failure (&found,
                     g_strdup (_ ("Deed summary: the text contains bytes that are not valid "
                                  "UTF-8. Type the text again.")));
        break;
      case TEXT_TOO_LONG:
        add_failure (&found, g_strdup_printf (
                                 g_dngettext (GETTEXT_PACKAGE,
                                              "Deed summary: at most %lld character is allowed, "
                                              "and the text has %ld. Shorten the text.",
                                              "Deed summary: at most %lld characters are allowed, "
                                              "and the text has %ld. Shorten the text.",
                                              (gulong) req->max_summary_chars),
                                 (long long) req->max_summary_chars, n_chars));
        break;
      case TEXT_OK:
      default:
        break;
    }

  if (req->min_followers > 0 && work->followers >= 0 && work->followers < req->min_followers)
    add_failure (&found,
                 g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "Followers: at least %lld follower is required, "
                                               "and the account has %lld. Choose an account "
                                               "with more followers.",
                                               "Followers: at least %lld followers are required, "
                                               "and the account has %lld. Choose an account "
                                               "with more followers.",
                                               (gulong) req->min_followers),
                                  (long long) req->min_followers, (long long) work->followers));

  if (found == NULL)
    {
      if (failures != NULL)
        *failures = NULL;
      return TRUE;
    }
  if (failures != NULL)
    *failures = g_steal_pointer (&found);
  return FALSE;
}
