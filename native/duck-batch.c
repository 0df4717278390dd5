/*
 * Copies the chunks of a DuckDB result, many at a time, into buffers the caller owns: the raw bytes of
 * each vector, its null rows as bits, and each long string's bytes. Nothing is interpreted here (the
 * reader's rules stay in loaders/duck-read, TypeScript); this only replaces one native call and one
 * Buffer per vector, and one thread hop per chunk, with one call per batch of rows.
 *
 * The result is the one @duckdb/node-bindings made (a type-tagged napi External holding a duckdb_result*),
 * and DuckDB's functions are those of the very libduckdb.so those bindings loaded (dlopen RTLD_NOLOAD):
 * never a second DuckDB in the process.
 */
#include <dlfcn.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <node_api.h>

/* The DuckDB C API (duckdb.h, 1.x): only what is used here. */
typedef uint64_t idx_t;
typedef struct {
  idx_t deprecated_column_count;
  idx_t deprecated_row_count;
  idx_t deprecated_rows_changed;
  void *deprecated_columns;
  char *deprecated_error_message;
  void *internal_data;
} duckdb_result;
typedef void *duckdb_data_chunk;
typedef void *duckdb_vector;

static duckdb_data_chunk (*fetch_chunk)(duckdb_result);
static idx_t (*chunk_size)(duckdb_data_chunk);
static duckdb_vector (*chunk_vector)(duckdb_data_chunk, idx_t);
static void *(*vector_data)(duckdb_vector);
static uint64_t *(*vector_validity)(duckdb_vector);
static void (*destroy_chunk)(duckdb_data_chunk *);
static const char *(*result_error)(duckdb_result *);

/* @duckdb/node-bindings' type tag for results (bindings/src/type_tags.h, ResultTypeTag). */
static const napi_type_tag RESULT_TAG = {0x08F7FE3AE12345E5ULL, 0x8733310DC29372D9ULL};
/* This addon's own tag for its cursors. */
static const napi_type_tag CURSOR_TAG = {0x6474622D62617463ULL, 0x682D637572736F72ULL};

typedef struct {
  duckdb_result *result;
  napi_ref keep; /* the result's External, kept alive while the cursor is */
  duckdb_data_chunk pending; /* fetched, not yet copied (no room) */
  int ended;
} cursor;

#define CHECK(call) do { if ((call) != napi_ok) { napi_throw_error(env, NULL, "duck-batch: " #call " failed"); return NULL; } } while (0)

static napi_value fail(napi_env env, const char *message) {
  napi_throw_error(env, NULL, message);
  return NULL;
}

/* load(libduckdbPath): binds DuckDB's functions from the already loaded library. */
static napi_value load(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  char path[4096];
  size_t len;
  CHECK(napi_get_value_string_utf8(env, argv[0], path, sizeof path, &len));
  void *lib = dlopen(path, RTLD_NOW | RTLD_NOLOAD);
  if (!lib) return fail(env, "duck-batch: libduckdb.so is not loaded from that path");
  fetch_chunk = (duckdb_data_chunk (*)(duckdb_result))dlsym(lib, "duckdb_fetch_chunk");
  chunk_size = (idx_t (*)(duckdb_data_chunk))dlsym(lib, "duckdb_data_chunk_get_size");
  chunk_vector = (duckdb_vector (*)(duckdb_data_chunk, idx_t))dlsym(lib, "duckdb_data_chunk_get_vector");
  vector_data = (void *(*)(duckdb_vector))dlsym(lib, "duckdb_vector_get_data");
  vector_validity = (uint64_t *(*)(duckdb_vector))dlsym(lib, "duckdb_vector_get_validity");
  destroy_chunk = (void (*)(duckdb_data_chunk *))dlsym(lib, "duckdb_destroy_data_chunk");
  result_error = (const char *(*)(duckdb_result *))dlsym(lib, "duckdb_result_error");
  dlclose(lib); /* still loaded by the bindings */
  if (!fetch_chunk || !chunk_size || !chunk_vector || !vector_data || !vector_validity || !destroy_chunk || !result_error) return fail(env, "duck-batch: a DuckDB function is missing");
  napi_value ok;
  CHECK(napi_get_boolean(env, true, &ok));
  return ok;
}

static void finalize_cursor(napi_env env, void *data, void *hint) {
  cursor *c = (cursor *)data;
  (void)hint;
  if (c->pending) destroy_chunk(&c->pending);
  napi_delete_reference(env, c->keep);
  free(c);
}

/* open(result): a cursor over the chunks of a bindings result External. */
static napi_value open_cursor(napi_env env, napi_callback_info info) {
  if (!fetch_chunk) return fail(env, "duck-batch: load() first");
  size_t argc = 1;
  napi_value argv[1];
  CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  bool tagged = false;
  CHECK(napi_check_object_type_tag(env, argv[0], &RESULT_TAG, &tagged));
  if (!tagged) return fail(env, "duck-batch: not a DuckDB result");
  void *data;
  CHECK(napi_get_value_external(env, argv[0], &data));
  cursor *c = (cursor *)calloc(1, sizeof(cursor));
  if (!c) return fail(env, "duck-batch: out of memory");
  c->result = (duckdb_result *)data;
  CHECK(napi_create_reference(env, argv[0], 1, &c->keep));
  napi_value out;
  CHECK(napi_create_external(env, c, finalize_cursor, NULL, &out));
  CHECK(napi_type_tag_object(env, out, &CURSOR_TAG));
  return out;
}

/* close(cursor): frees a chunk still waiting for room, before the caller closes DuckDB; the cursor ends. */
static napi_value close_cursor(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  bool tagged = false;
  if (argc < 1 || napi_check_object_type_tag(env, argv[0], &CURSOR_TAG, &tagged) != napi_ok || !tagged) return fail(env, "duck-batch: not a cursor");
  cursor *c;
  CHECK(napi_get_value_external(env, argv[0], (void **)&c));
  if (c->pending) destroy_chunk(&c->pending);
  c->pending = NULL;
  c->ended = 1;
  napi_value undefined;
  CHECK(napi_get_undefined(env, &undefined));
  return undefined;
}

static int typed_bytes(napi_env env, napi_value v, uint8_t **bytes, size_t *length) {
  bool is;
  if (napi_is_typedarray(env, v, &is) != napi_ok || !is) return 0;
  napi_typedarray_type type;
  size_t count, offset;
  void *data;
  napi_value buffer;
  if (napi_get_typedarray_info(env, v, &type, &count, &data, &buffer, &offset) != napi_ok) return 0;
  size_t size = type == napi_float64_array ? 8 : type == napi_int32_array || type == napi_uint32_array ? 4 : 1;
  *bytes = (uint8_t *)data;
  *length = count * size;
  return 1;
}

/* A buffer too short for the next chunk: the chunk stays pending, the rows copied so far are counted. */
static napi_value too_short(napi_env env, int32_t *state, idx_t copied, idx_t heap_used, const char *message) {
  state[0] = (int32_t)copied;
  state[2] = (int32_t)heap_used;
  return fail(env, message);
}

typedef struct {
  uint8_t **data;
  size_t *data_len;
  uint32_t **nulls;
  size_t *nulls_len;
} columns;

static int columns_alloc(columns *cols, size_t n) {
  cols->data = (uint8_t **)calloc(n, sizeof(uint8_t *));
  cols->data_len = (size_t *)calloc(n, sizeof(size_t));
  cols->nulls = (uint32_t **)calloc(n, sizeof(uint32_t *));
  cols->nulls_len = (size_t *)calloc(n, sizeof(size_t));
  return cols->data && cols->data_len && cols->nulls && cols->nulls_len;
}

static void columns_free(columns *cols) {
  free(cols->data);
  free(cols->data_len);
  free(cols->nulls);
  free(cols->nulls_len);
}

static napi_value drain_into(napi_env env, cursor *c, const int32_t *kinds, size_t ncol, napi_value *argv, int32_t *state, columns *cols);

/* Column kinds (the caller's): 0 skip, 1 eight-byte values, 2 four-byte values, 3 strings (16-byte records). */
/*
 * drain(cursor, kinds Int32Array, data Array, nulls Array, state Int32Array): (a buffer too short for a
 * chunk is an error; the chunk is kept for the next call, the rows copied before it counted in state[0])
 * state in: [0] first row, [1] row capacity, [2] heap bytes used, [3] heap capacity (heap is data[kinds.length]).
 * state out: [0] rows copied this call, [1] 1 at the end of the result, [2] heap bytes used,
 * [4] rows the next chunk needs (0: none waiting for room), [5] heap bytes it needs.
 * Fixed-size values are copied at the row's place; a null row sets its bit in nulls[j] (Uint32Array, bit
 * row & 31 of word row >> 5). Strings: records from the call's first row at 0, each its 16 bytes as DuckDB
 * holds them, except a null (length -1) and a string longer than 12 bytes, whose bytes go to the heap
 * (the record's second int32: where).
 */
static napi_value drain(napi_env env, napi_callback_info info) {
  size_t argc = 5;
  napi_value argv[5];
  CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  cursor *c;
  bool tagged = false;
  if (argc < 5 || napi_check_object_type_tag(env, argv[0], &CURSOR_TAG, &tagged) != napi_ok || !tagged) return fail(env, "duck-batch: not a cursor");
  CHECK(napi_get_value_external(env, argv[0], (void **)&c));
  uint8_t *kbytes; size_t klen;
  if (!typed_bytes(env, argv[1], &kbytes, &klen)) return fail(env, "duck-batch: kinds");
  const int32_t *kinds = (const int32_t *)kbytes;
  size_t ncol = klen / 4;
  uint8_t *sbytes; size_t slen;
  if (!typed_bytes(env, argv[4], &sbytes, &slen) || slen < 24) return fail(env, "duck-batch: state");
  int32_t *state = (int32_t *)sbytes;
  for (size_t j = 0; j < ncol; j++) if (kinds[j] < 0 || kinds[j] > 3) return fail(env, "duck-batch: kinds");
  /* Per column (and the heap, at ncol): its bytes, their length, its null bits and their length. */
  columns cols;
  if (!columns_alloc(&cols, ncol + 1)) {
    columns_free(&cols);
    return fail(env, "duck-batch: out of memory");
  }
  napi_value out = drain_into(env, c, kinds, ncol, argv, state, &cols);
  columns_free(&cols);
  return out;
}

static napi_value drain_into(napi_env env, cursor *c, const int32_t *kinds, size_t ncol, napi_value *argv, int32_t *state, columns *cols) {
  uint8_t **data = cols->data;
  size_t *data_len = cols->data_len;
  uint32_t **nulls = cols->nulls;
  size_t *nulls_len = cols->nulls_len;
  for (size_t j = 0; j <= ncol; j++) {
    napi_value v;
    data[j] = NULL; data_len[j] = 0; nulls[j] = NULL; nulls_len[j] = 0;
    if (j < ncol && kinds[j] == 0) continue;
    CHECK(napi_get_element(env, argv[2], (uint32_t)j, &v));
    if (!typed_bytes(env, v, &data[j], &data_len[j])) {
      if (j == ncol) continue; /* no heap */
      return fail(env, "duck-batch: data");
    }
    if (j < ncol && kinds[j] != 3) {
      uint8_t *nb; size_t nl;
      CHECK(napi_get_element(env, argv[3], (uint32_t)j, &v));
      if (!typed_bytes(env, v, &nb, &nl)) return fail(env, "duck-batch: nulls");
      nulls[j] = (uint32_t *)nb; nulls_len[j] = nl;
    }
  }
  if (state[0] < 0 || state[1] < state[0] || state[2] < 0 || state[3] < state[2]) return fail(env, "duck-batch: state");
  const idx_t first = (idx_t)state[0];
  idx_t row = first;
  const idx_t capacity = (idx_t)state[1];
  idx_t heap_used = (idx_t)state[2];
  /* The heap's room is the smaller of what the caller says and the buffer it gave. */
  const idx_t heap_cap = data[ncol] && (idx_t)state[3] <= data_len[ncol] ? (idx_t)state[3] : data[ncol] ? data_len[ncol] : 0;
  if (heap_used > heap_cap) return fail(env, "duck-batch: state");
  idx_t copied = 0;
  state[1] = 0; state[4] = 0; state[5] = 0;
  for (;;) {
    duckdb_data_chunk chunk = c->pending;
    c->pending = NULL;
    if (!chunk && !c->ended) chunk = fetch_chunk(*c->result);
    idx_t n = chunk ? chunk_size(chunk) : 0;
    if (n == 0) {
      if (chunk) destroy_chunk(&chunk);
      c->ended = 1;
      state[1] = 1;
      /* DuckDB ends a result that failed while it was read (a cast, a malformed row past the first
         buffer's worth) as it ends a complete one: its error is the difference. */
      const char *error = result_error(c->result);
      if (error && *error) return fail(env, error);
      break;
    }
    /* Room for the rows, and for the chunk's long strings. */
    idx_t heap_need = 0;
    for (size_t j = 0; j < ncol; j++) {
      if (kinds[j] != 3) continue;
      duckdb_vector vec = chunk_vector(chunk, j);
      const uint8_t *recs = (const uint8_t *)vector_data(vec);
      const uint64_t *valid = vector_validity(vec);
      for (idx_t i = 0; i < n; i++) {
        if (valid && !((valid[i >> 6] >> (i & 63)) & 1)) continue;
        uint32_t len;
        memcpy(&len, recs + i * 16, 4);
        if (len > 12) heap_need += len;
      }
    }
    if (row + n > capacity || heap_used + heap_need > heap_cap || heap_used + heap_need > 0x7fffffff) {
      c->pending = chunk;
      state[4] = (int32_t)n;
      state[5] = (int32_t)heap_need;
      break;
    }
    for (size_t j = 0; j < ncol; j++) {
      if (kinds[j] == 0) continue;
      duckdb_vector vec = chunk_vector(chunk, j);
      const uint8_t *src = (const uint8_t *)vector_data(vec);
      const uint64_t *valid = vector_validity(vec);
      if (kinds[j] == 1 || kinds[j] == 2) {
        size_t w = kinds[j] == 1 ? 8 : 4;
        if ((row + n) * w > data_len[j]) { c->pending = chunk; return too_short(env, state, copied, heap_used, "duck-batch: data too short"); }
        memcpy(data[j] + row * w, src, n * w);
        if (valid) {
          if (((row + n + 31) >> 5) * 4 > nulls_len[j]) { c->pending = chunk; return too_short(env, state, copied, heap_used, "duck-batch: nulls too short"); }
          for (idx_t i = 0; i < n; i++) if (!((valid[i >> 6] >> (i & 63)) & 1)) nulls[j][(row + i) >> 5] |= 1u << ((row + i) & 31);
        }
      } else {
        if ((row - first + n) * 16 > data_len[j]) { c->pending = chunk; return too_short(env, state, copied, heap_used, "duck-batch: records too short"); }
        uint8_t *dst = data[j] + (row - first) * 16;
        memcpy(dst, src, n * 16);
        for (idx_t i = 0; i < n; i++) {
          int32_t *rec = (int32_t *)(dst + i * 16);
          if (valid && !((valid[i >> 6] >> (i & 63)) & 1)) {
            rec[0] = -1; rec[1] = 0; rec[2] = 0; rec[3] = 0;
            continue;
          }
          uint32_t len = (uint32_t)rec[0];
          if (len > 12) {
            const char *ptr;
            memcpy(&ptr, src + i * 16 + 8, sizeof ptr);
            memcpy(data[ncol] + heap_used, ptr, len);
            rec[1] = (int32_t)heap_used;
            rec[2] = 0; rec[3] = 0;
            heap_used += len;
          }
        }
      }
    }
    destroy_chunk(&chunk);
    row += n;
    copied += n;
  }
  state[0] = (int32_t)copied;
  state[2] = (int32_t)heap_used;
  napi_value undefined;
  CHECK(napi_get_undefined(env, &undefined));
  return undefined;
}

static napi_value init(napi_env env, napi_value exports) {
  napi_property_descriptor props[] = {
    {"load", NULL, load, NULL, NULL, NULL, napi_default, NULL},
    {"open", NULL, open_cursor, NULL, NULL, NULL, napi_default, NULL},
    {"drain", NULL, drain, NULL, NULL, NULL, napi_default, NULL},
    {"close", NULL, close_cursor, NULL, NULL, NULL, napi_default, NULL},
  };
  if (napi_define_properties(env, exports, 4, props) != napi_ok) return NULL;
  return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, init)
