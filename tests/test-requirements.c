/* test-requirements.c — parsing a track's requirements and checking a work against them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <inttypes.h>
#include <string.h>

#include "tz-error.h"
#include "tz-requirements.h"
#include "tz-test-common.h"

static char *
repeat (const char *unit, guint n)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append (s, unit);
  return g_string_free (s, FALSE);
}

static TzWorkRequirements *
requirements_from (const char *const *pairs)
{
  TzWorkRequirements *req = tz_work_requirements_new ();

  for (guint i = 0; pairs[i] != NULL; i += 2)
    {
      g_autoptr (GError) error = NULL;

      g_assert_true (tz_work_requirements_set (req, pairs[i], pairs[i + 1], &error));
      g_assert_no_error (error);
    }
  return req;
}

/* Checks @work and asserts the outcome: no failure when @expect is NULL,
 * otherwise exactly one failure containing every string of @expect. */
static void
assert_check (const TzWorkRequirements *req, const TzWorkInfo *work, const char *const *expect)
{
  g_autoptr (GPtrArray) failures = NULL;
  gboolean ok = tz_work_requirements_check (req, work, &failures);

  if (failures != NULL)
    for (guint i = 0; i < failures->len; i++)
      g_test_message ("failure: %s", (const char *) failures->pdata[i]);

  if (expect == NULL)
    {
      g_assert_true (ok);
      g_assert_null (failures);
      return;
    }

  g_assert_false (ok);
  g_assert_nonnull (failures);
  g_assert_cmpuint (failures->len, ==, 1);
  g_assert_true (g_utf8_validate (failures->pdata[0], -1, NULL));
  for (guint i = 0; expect[i] != NULL; i++)
    g_assert_true (strstr (failures->pdata[0], expect[i]) != NULL);

  /* The result does not depend on asking for the messages. */
  g_assert_false (tz_work_requirements_check (req, work, NULL));
}

static void
test_keys (void)
{
  static const char *known[] = {
    "max_duration_seconds",
    "max_file_bytes",
    "max_image_bytes",
    "formats",
    "aspect_ratio",
    "orientation",
    "min_width",
    "min_height",
    "max_description_chars",
    "max_summary_chars",
    "material_chars",
    "min_followers",
    "original_within_days",
    "text",
  };
  static const char *unknown[] = { "colour", "", "FORMATS", "max_duration", "text ", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    g_assert_true (tz_requirement_key_is_known (known[i]));
  for (guint i = 0; i < G_N_ELEMENTS (unknown); i++)
    g_assert_false (tz_requirement_key_is_known (unknown[i]));
}

static void
test_set_valid (void)
{
  g_autoptr (TzWorkRequirements) req = tz_work_requirements_new ();
  static const struct
  {
    const char *key;
    const char *value;
  } cases[] = {
    { "max_duration_seconds", "300" },
    { "max_file_bytes", "104857600" },
    { "max_image_bytes", " 2097152 " },
    { "min_width", "1920" },
    { "min_height", "1080" },
    { "max_description_chars", "50" },
    { "max_summary_chars", "200" },
    { "min_followers", "10000" },
    { "material_chars", "1000" },
    { "original_within_days", "365" },
    { "aspect_ratio", "16:9" },
    { "orientation", "landscape" },
    { "formats", "MP4,AVI" },
    { "text", "不含角标、台标、水印或 logo" },
    { "text", "" },
    { "colour", "blue" }, /* unknown: kept elsewhere, ignored here */
    { "colour", NULL },
  };

  g_assert_cmpint (req->max_duration_seconds, ==, 0);
  g_assert_null (req->formats);
  g_assert_null (req->orientation);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;

      g_test_message ("%s = %s", cases[i].key, cases[i].value);
      g_assert_true (tz_work_requirements_set (req, cases[i].key, cases[i].value, &error));
      g_assert_no_error (error);
    }

  g_assert_cmpint (req->max_duration_seconds, ==, 300);
  g_assert_cmpint (req->max_file_bytes, ==, 104857600);
  g_assert_cmpint (req->max_image_bytes, ==, 2097152);
  g_assert_cmpint (req->min_width, ==, 1920);
  g_assert_cmpint (req->min_height, ==, 1080);
  g_assert_cmpint (req->max_description_chars, ==, 50);
  g_assert_cmpint (req->max_summary_chars, ==, 200);
  g_assert_cmpint (req->min_followers, ==, 10000);
  g_assert_cmpuint (req->aspect_w, ==, 16);
  g_assert_cmpuint (req->aspect_h, ==, 9);
  g_assert_cmpstr (req->orientation, ==, "landscape");
  g_assert_cmpuint (g_strv_length (req->formats), ==, 2);
  g_assert_cmpstr (req->formats[0], ==, "MP4");
  g_assert_cmpstr (req->formats[1], ==, "AVI");
}

/* The loose ways notices and hand-written campaign files say the same thing. */
static void
test_set_forms (void)
{
  static const struct
  {
    const char *key;
    const char *value;
    gint64 bytes;        /* for the *_bytes keys */
    const char *formats; /* joined with "," */
    const char *orientation;
    guint aspect_w, aspect_h;
  } cases[] = {
    { "max_file_bytes", "100M", 104857600 },
    { "max_file_bytes", "100 MB", 104857600 },
    { "max_file_bytes", "1g", 1073741824 },
    { "max_file_bytes", "8G", G_GINT64_CONSTANT (8589934592) },
    { "max_image_bytes", "2MB", 2097152 },
    { "max_image_bytes", "500K", 512000 },
    { "max_image_bytes", "0", 0 },
    { "formats", "mp4, avi", 0, "MP4,AVI" },
    { "formats", "MP4、AVI/.mov", 0, "MP4,AVI,MOV" },
    { "formats", "JPG，PNG", 0, "JPG,PNG" },
    { "formats", " .mp4 ", 0, "MP4" },
    { "orientation", "Portrait", 0, NULL, "portrait" },
    { "orientation", "竖屏", 0, NULL, "portrait" },
    { "orientation", "横屏", 0, NULL, "landscape" },
    { "aspect_ratio", "4:3", 0, NULL, NULL, 4, 3 },
    { "aspect_ratio", "9：16", 0, NULL, NULL, 9, 16 },
    { "aspect_ratio", " 1:1 ", 0, NULL, NULL, 1, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (TzWorkRequirements) req = tz_work_requirements_new ();
      g_autoptr (GError) error = NULL;

      g_test_message ("%s = %s", cases[i].key, cases[i].value);
      g_assert_true (tz_work_requirements_set (req, cases[i].key, cases[i].value, &error));
      g_assert_no_error (error);

      if (strcmp (cases[i].key, "max_file_bytes") == 0)
        g_assert_cmpint (req->max_file_bytes, ==, cases[i].bytes);
      else if (strcmp (cases[i].key, "max_image_bytes") == 0)
        g_assert_cmpint (req->max_image_bytes, ==, cases[i].bytes);
      else if (strcmp (cases[i].key, "formats") == 0)
        {
          g_autofree char *joined = g_strjoinv (",", req->formats);
          g_assert_cmpstr (joined, ==, cases[i].formats);
        }
      else if (strcmp (cases[i].key, "orientation") == 0)
        g_assert_cmpstr (req->orientation, ==, cases[i].orientation);
      else
        {
          g_assert_cmpuint (req->aspect_w, ==, cases[i].aspect_w);
          g_assert_cmpuint (req->aspect_h, ==, cases[i].aspect_h);
        }
    }
}

static void
test_set_invalid (void)
{
  static const struct
  {
    const char *key;
    const char *value;
  } cases[] = {
    { "max_duration_seconds", "abc" },
    { "max_duration_seconds", "-5" },
    { "max_duration_seconds", "3.5" },
    { "max_duration_seconds", "5分钟" },
    { "max_duration_seconds", "" },
    { "max_duration_seconds", NULL },
    { "max_duration_seconds", "99999999999999999999" },
    { "max_file_bytes", "100X" },
    { "max_file_bytes", "M" },
    { "max_file_bytes", "-1M" },
    { "max_file_bytes", "10000000000G" },
    { "max_image_bytes", "2.5M" },
    { "min_width", "1920px" },
    { "min_height", "一千" },
    { "min_followers", "1万" },
    { "max_description_chars", "fifty" },
    { "max_summary_chars", "-200" },
    { "material_chars", "about 1000" },
    { "original_within_days", "a year" },
    { "formats", "" },
    { "formats", " , ," },
    { "formats", NULL },
    { "formats", "MP4,M-P4" },
    { "formats", "MP4,.." },
    { "formats", "VERYLONGFORMATNAME" },
    { "aspect_ratio", "16" },
    { "aspect_ratio", "16:0" },
    { "aspect_ratio", "0:9" },
    { "aspect_ratio", "16x9" },
    { "aspect_ratio", "-16:9" },
    { "aspect_ratio", "16:9:1" },
    { "aspect_ratio", "16:9 "
                      "wide" },
    { "aspect_ratio", "1.78" },
    { "aspect_ratio", "" },
    { "orientation", "diagonal" },
    { "orientation", "" },
    { "orientation", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (TzWorkRequirements) req = tz_work_requirements_new ();
      g_autoptr (GError) error = NULL;

      g_test_message ("%s = %s", cases[i].key, cases[i].value);
      g_assert_false (tz_work_requirements_set (req, cases[i].key, cases[i].value, &error));
      g_assert_error (error, TZ_ERROR, TZ_ERROR_INVALID);
      g_test_message ("message: %s", error->message);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_true (strstr (error->message, cases[i].key) != NULL);

      /* A refused value leaves the requirement as it was: no limit. */
      g_assert_cmpint (req->max_duration_seconds, ==, 0);
      g_assert_cmpint (req->max_file_bytes, ==, 0);
      g_assert_null (req->formats);
      g_assert_cmpuint (req->aspect_w, ==, 0);
      g_assert_null (req->orientation);
    }
}

static void
test_check_duration (void)
{
  static const char *const pairs[] = { "max_duration_seconds", "300", NULL };
  g_autoptr (TzWorkRequirements) req = requirements_from (pairs);
  static const char *const too_long[] = { "Duration", "6:00", "5:00", NULL };
  static const char *const just_over[] = { "Duration", "5:01", NULL };
  static const char *const hours[] = { "Duration", "1:00:00", NULL };
  static const struct
  {
    double seconds;
    const char *const *expect;
  } cases[] = {
    { 360, too_long }, { 300.6, just_over }, { 3600, hours }, { 300, NULL },
    { 300.4, NULL },   { 0, NULL },          { 59.9, NULL },  { -1, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      TzWorkInfo work;

      tz_work_info_init (&work);
      work.duration_seconds = cases[i].seconds;
      g_test_message ("duration %.1f", cases[i].seconds);
      assert_check (req, &work, cases[i].expect);
    }
}

static void
test_check_resolution (void)
{
  static const char *const pairs[] = { "min_width", "1920", "min_height", "1080", NULL };
  g_autoptr (TzWorkRequirements) req = requirements_from (pairs);
  static const char *const low[] = { "Resolution", "1280×720", "1920×1080", NULL };
  static const char *const narrow[] = { "Resolution", "1919×1080", NULL };
  static const char *const portrait_low[] = { "Resolution", "720×1280", NULL };
  static const struct
  {
    gint64 w, h;
    const char *const *expect;
  } cases[] = {
    { 1280, 720, low },   { 1919, 1080, narrow }, { 720, 1280, portrait_low },
    { 1920, 1080, NULL }, { 3840, 2160, NULL },   { 1080, 1920, NULL }, /* portrait 1080p */
    { -1, -1, NULL },     { 1280, -1, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      TzWorkInfo work;

      tz_work_info_init (&work);
      work.width = cases[i].w;
      work.height = cases[i].h;
      g_test_message ("%" PRId64 "×%" PRId64, cases[i].w, cases[i].h);
      assert_check (req, &work, cases[i].expect);
    }
}

/* With one side only, the side is taken literally. */
static void
test_check_resolution_one_side (void)
{
  static const char *const pairs[] = { "min_width", "1000", NULL };
  g_autoptr (TzWorkRequirements) req = requirements_from (pairs);
  static const char *const narrow[] = { "Resolution", "999 pixels wide", "1000", NULL };
  TzWorkInfo work;

  tz_work_info_init (&work);
  work.width = 999;
  work.height = 5000;
  assert_check (req, &work, narrow);
  work.width = 1000;
  assert_check (req, &work, NULL);
  work.width = -1;
  assert_check (req, &work, NULL);
}

static void
test_check_format (void)
{
  static const char *const pairs[] = { "formats", "MP4,AVI,JPG", NULL };
  g_autoptr (TzWorkRequirements) req = requirements_from (pairs);
  static const char *const mov[] = { "Format", "MOV", "MP4, AVI, JPG", NULL };
  static const char *const png[] = { "Format", "PNG", NULL };
  static const struct
  {
    const char *format;
    const char *const *expect;
  } cases[] = {
    { "MOV", mov },
    { "mov", mov },
    { "clip.final.mov", mov },
    { "/tmp/a.b/photo.png", png },
    { "MP4", NULL },
    { "mp4", NULL },
    { "作品.mp4", NULL },
    { "AVI", NULL },
    { "photo.jpeg", NULL },
    { "PHOTO.JPG", NULL },
    { NULL, NULL },
    { "", NULL },
    { "no-extension.", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      TzWorkInfo work;

      tz_work_info_init (&work);
      work.format = cases[i].format;
      g_test_message ("format %s", cases[i].format);
      assert_check (req, &work, cases[i].expect);
    }
}

static void
test_check_aspect_ratio (void)
{
  static const char *const pairs[] = { "aspect_ratio", "16:9", NULL };
  g_autoptr (TzWorkRequirements) req = requirements_from (pairs);
  static const char *const four_three[] = { "Aspect ratio", "4:3", "16:9", NULL };
  static const char *const sixteen_ten[] = { "Aspect ratio", "16:10", NULL };
  static const char *const portrait[] = { "Aspect ratio", "9:16", NULL };
  static const char *const odd[] = { "Aspect ratio", "1.85:1", NULL };
  static const struct
  {
    gint64 w, h;
    const char *const *expect;
  } cases[] = {
    { 1024, 768, four_three },
    { 640, 480, four_three },
    { 1920, 1200, sixteen_ten },
    { 1080, 1920, portrait },
    { 1998, 1080, odd },
    { 1920, 1080, NULL },
    { 1280, 720, NULL },
    { 3840, 2160, NULL },
    { 1366, 768, NULL }, /* 1.779, within 1 % of 1.778 */
    { 854, 480, NULL },
    { 1920, 1090, NULL }, /* 0.9 % off */
    { -1, 768, NULL },
    { 1024, -1, NULL },
    { 0, 0, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      TzWorkInfo work;

      tz_work_info_init (&work);
      work.width = cases[i].w;
      work.height = cases[i].h;
      g_test_message ("%" PRId64 "×%" PRId64, cases[i].w, cases[i].h);
      assert_check (req, &work, cases[i].expect);
    }
}

static void
test_check_orientation (void)
{
  static const char *const landscape_pairs[] = { "orientation", "landscape", NULL };
  static const char *const portrait_pairs[] = { "orientation", "portrait", NULL };
  g_autoptr (TzWorkRequirements) landscape = requirements_from (landscape_pairs);
  g_autoptr (TzWorkRequirements) portrait = requirements_from (portrait_pairs);
  static const char *const need_landscape[] = { "Orientation", "landscape", "1080×1920", NULL };
  static const char *const need_portrait[] = { "Orientation", "portrait", "1920×1080", NULL };
  static const char *const square_l[] = { "Orientation", "landscape", NULL };
  static const char *const square_p[] = { "Orientation", "portrait", NULL };
  TzWorkInfo work;

  tz_work_info_init (&work);
  work.width = 1920;
  work.height = 1080;
  assert_check (landscape, &work, NULL);
  assert_check (portrait, &work, need_portrait);

  work.width = 1080;
  work.height = 1920;
  assert_check (landscape, &work, need_landscape);
  assert_check (portrait, &work, NULL);

  work.width = 1000;
  work.height = 1000;
  assert_check (landscape, &work, square_l);
  assert_check (portrait, &work, square_p);

  work.width = -1;
  assert_check (landscape, &work, NULL);
  assert_check (portrait, &work, NULL);
}

static void
test_check_file_size (void)
{
  static const char *const pairs[] = { "max_file_bytes", "100M", "max_image_bytes", "2M", NULL };
  static const char *const video_only[] = { "max_file_bytes", "100M", NULL };
  g_autoptr (TzWorkRequirements) req = requirements_from (pairs);
  g_autoptr (TzWorkRequirements) video_req = requirements_from (video_only);
  static const char *const big_video[] = { "File size", "120.0 MB", "100.0 MB", NULL };
  static const char *const one_byte_over[] = { "File size", "104857601 B", "104857600 B", NULL };
  static const char *const big_image[] = { "Image size", "3.0 MB", "2.0 MB", NULL };
  static const char *const image_as_file[] = { "Image size", "100.0 MB", NULL };
  TzWorkInfo work;

  tz_work_info_init (&work);
  work.file_size = 120 * 1024 * 1024;
  assert_check (req, &work, big_video);
  work.file_size = 104857601;
  assert_check (req, &work, one_byte_over);
  work.file_size = 104857600;
  assert_check (req, &work, NULL);
  work.file_size = -1;
  assert_check (req, &work, NULL);

  work.is_image = TRUE;
  work.file_size = 3 * 1024 * 1024;
  assert_check (req, &work, big_image);
  work.file_size = 2 * 1024 * 1024;
  assert_check (req, &work, NULL);

  /* Without an image limit, an image falls under the file limit. */
  work.file_size = 3 * 1024 * 1024;
  assert_check (video_req, &work, NULL);
  work.file_size = 101 * 1024 * 1024;
  assert_check (video_req, &work, image_as_file);
}

static void
test_check_texts (void)
{
  static const char *const pairs[] = {
    "max_description_chars", "50", "max_summary_chars", "200", NULL,
  };
  g_autoptr (TzWorkRequirements) req = requirements_from (pairs);
  g_autofree char *zh50 = repeat ("作", 50);
  g_autofree char *zh51 = repeat ("作", 51);
  g_autofree char *zh200 = repeat ("事", 200);
  g_autofree char *zh201 = repeat ("事", 201);
  static const char *const long_description[] = { "Work description", "50", "51", NULL };
  static const char *const long_summary[] = { "Deed summary", "200", "201", NULL };
  static const char *const bad_description[] = { "Work description", "UTF-8", NULL };
  TzWorkInfo work;

  tz_work_info_init (&work);
  work.description = zh50;
  work.summary = zh200;
  assert_check (req, &work, NULL);

  work.description = zh51;
  assert_check (req, &work, long_description);

  work.description = zh50;
  work.summary = zh201;
  assert_check (req, &work, long_summary);

  work.summary = NULL;
  work.description = "作品\xe4\xbd";
  assert_check (req, &work, bad_description);
}

static void
test_check_followers (void)
{
  static const char *const pairs[] = { "min_followers", "10000", NULL };
  g_autoptr (TzWorkRequirements) req = requirements_from (pairs);
  static const char *const few[] = { "Followers", "9999", "10000", NULL };
  TzWorkInfo work;

  tz_work_info_init (&work);
  work.followers = 9999;
  assert_check (req, &work, few);
  work.followers = 0;
  assert_check (req, &work, (const char *const[]){ "Followers", NULL });
  work.followers = 10000;
  assert_check (req, &work, NULL);
  work.followers = -1;
  assert_check (req, &work, NULL);
}

static TzWorkRequirements *
full_requirements (void)
{
  static const char *const pairs[] = {
    "max_duration_seconds",
    "300",
    "max_file_bytes",
    "100M",
    "formats",
    "MP4,AVI",
    "aspect_ratio",
    "16:9",
    "orientation",
    "landscape",
    "min_width",
    "1920",
    "min_height",
    "1080",
    "max_description_chars",
    "50",
    "max_summary_chars",
    "200",
    "min_followers",
    "10000",
    "text",
    "不含台标、水印",
    NULL,
  };

  return requirements_from (pairs);
}

/* Nothing known about the work: nothing to refuse. */
static void
test_check_unknown_values (void)
{
  g_autoptr (TzWorkRequirements) req = full_requirements ();
  TzWorkInfo work;

  tz_work_info_init (&work);
  g_assert_cmpfloat (work.duration_seconds, <, 0);
  g_assert_cmpint (work.file_size, <, 0);
  g_assert_cmpint (work.width, <, 0);
  g_assert_cmpint (work.height, <, 0);
  g_assert_cmpint (work.followers, <, 0);
  g_assert_null (work.format);
  assert_check (req, &work, NULL);
}

static void
test_check_all_ok (void)
{
  g_autoptr (TzWorkRequirements) req = full_requirements ();
  g_autoptr (TzWorkRequirements) none = tz_work_requirements_new ();
  TzWorkInfo work;

  tz_work_info_init (&work);
  work.duration_seconds = 299.5;
  work.file_size = 80 * 1024 * 1024;
  work.format = "我的作品.MP4";
  work.width = 1920;
  work.height = 1080;
  work.description = "一段五十字以内的作品简介";
  work.summary = "事迹简介";
  work.followers = 25000;
  assert_check (req, &work, NULL);

  /* No requirement at all accepts anything. */
  work.duration_seconds = 99999;
  work.width = 10;
  work.height = 5000;
  work.format = "EXE";
  assert_check (none, &work, NULL);
}

/* Every failed requirement gets its own message. */
static void
test_check_many_failures (void)
{
  g_autoptr (TzWorkRequirements) req = full_requirements ();
  g_autoptr (GPtrArray) failures = NULL;
  g_autofree char *zh51 = repeat ("字", 51);
  static const char *const names[] = {
    "Duration",     "File size",   "Format",           "Resolution",
    "Aspect ratio", "Orientation", "Work description", "Followers",
  };
  TzWorkInfo work;

  tz_work_info_init (&work);
  work.duration_seconds = 360;
  work.file_size = 200 * 1024 * 1024;
  work.format = "MOV";
  work.width = 768;
  work.height = 1024;
  work.description = zh51;
  work.followers = 10;

  g_assert_false (tz_work_requirements_check (req, &work, &failures));
  g_assert_nonnull (failures);
  g_assert_cmpuint (failures->len, ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < failures->len; i++)
    {
      g_test_message ("failure: %s", (const char *) failures->pdata[i]);
      g_assert_true (g_str_has_prefix (failures->pdata[i], names[i]));
    }
}

static void
test_free (void)
{
  TzWorkRequirements *req = tz_work_requirements_new ();

  tz_work_requirements_free (NULL);
  g_assert_true (tz_work_requirements_set (req, "formats", "MP4", NULL));
  g_assert_true (tz_work_requirements_set (req, "formats", "AVI", NULL)); /* replaces */
  g_assert_true (tz_work_requirements_set (req, "orientation", "portrait", NULL));
  g_assert_true (tz_work_requirements_set (req, "orientation", "landscape", NULL));
  g_assert_cmpstr (req->formats[0], ==, "AVI");
  g_assert_null (req->formats[1]);
  g_assert_cmpstr (req->orientation, ==, "landscape");
  g_assert_false (tz_work_requirements_set (req, "min_width", "x", NULL));
  tz_work_requirements_free (req);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/requirements/keys", test_keys);
  g_test_add_func ("/requirements/set/valid", test_set_valid);
  g_test_add_func ("/requirements/set/forms", test_set_forms);
  g_test_add_func ("/requirements/set/invalid", test_set_invalid);
  g_test_add_func ("/requirements/check/duration", test_check_duration);
  g_test_add_func ("/requirements/check/resolution", test_check_resolution);
  g_test_add_func ("/requirements/check/resolution-one-side", test_check_resolution_one_side);
  g_test_add_func ("/requirements/check/format", test_check_format);
  g_test_add_func ("/requirements/check/aspect-ratio", test_check_aspect_ratio);
  g_test_add_func ("/requirements/check/orientation", test_check_orientation);
  g_test_add_func ("/requirements/check/file-size", test_check_file_size);
  g_test_add_func ("/requirements/check/texts", test_check_texts);
  g_test_add_func ("/requirements/check/followers", test_check_followers);
  g_test_add_func ("/requirements/check/unknown-values", test_check_unknown_values);
  g_test_add_func ("/requirements/check/all-ok", test_check_all_ok);
  g_test_add_func ("/requirements/check/many-failures", test_check_many_failures);
  g_test_add_func ("/requirements/free", test_free);

  return g_test_run ();
}
