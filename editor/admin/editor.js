/* The press office's editor: Decap CMS with the site's Vietnamese wording and three widgets of our own
   (a date typed the Vietnamese way, the page address made from the title, Vietnamese and English side by
   side), and a preview pane that shows the real page from the live preview. Plain ES2017, no build step:
   Decap exposes React as window.h / window.createClass. The configuration comes from config.json,
   generated from data/ (sitegen/tools/editor_config.py). */
(function () {
  "use strict";
  var CMS = window.CMS;
  var h = window.h;
  var createClass = window.createClass;

  // ---- wording (the site's vocabulary: tin tức, bản nháp, nhóm nhiệm vụ, xem trước)
  var WORDING = {
    app: {
      header: { content: "Tin tức", media: "Tập tin" },
      app: { waitingBackend: "Đang mở thư mục data/…", loadingConfig: "Đang tải…" },
    },
    collection: {
      sidebar: { collections: "Mục", searchAll: "Tìm trong tất cả tin", searchIn: "Tìm trong" },
      collectionTop: {
        viewAs: "Xem dạng",
        sortBy: "Sắp xếp theo",
        newButton: "Viết %{collectionLabel} mới",
        newButtonAriaLabel: "Viết %{collectionLabel} mới",
      },
      entries: { noEntries: "Chưa có tin nào" },
    },
    editor: {
      editorControl: { field: { optional: "không bắt buộc" } },
      editor: {
        onLeavePage: "Tin chưa được lưu. Vẫn rời trang này?",
        onDeletePublishedEntry:
          "Xoá hẳn tin này? Tệp của tin bị xoá khỏi data/ và trang của tin mất ở lần xây dựng trang tới.",
        onDeleteWithUnsavedChanges:
          "Xoá hẳn tin này, cả những thay đổi chưa lưu? Tệp của tin bị xoá khỏi data/.",
        loadingEntry: "Đang mở tin…",
      },
      editorToolbar: {
        publish: "Lưu",
        publishing: "Đang lưu…",
        publishNow: "Lưu",
        published: "Đã lưu",
        publishAndCreateNew: "Lưu rồi viết tin mới",
        publishAndDuplicate: "Lưu rồi chép thành tin mới",
        duplicate: "Chép thành tin mới",
        deleteEntry: "Xoá tin",
        deletePublishedEntry: "Xoá tin",
        deleting: "Đang xoá…",
        unsavedChanges: "Chưa lưu",
        changesSaved: "Đã lưu",
        backCollection: " %{collectionLabel}",
        deployButtonLabel: "Xem trên trang",
        deployPreviewButtonLabel: "Xem trước",
        deployPreviewPendingButtonLabel: "Xem trước",
      },
    },
    ui: {
      toast: {
        onFailToPersist: "Chưa lưu được: %{details}",
        onFailToDelete: "Chưa xoá được: %{details}",
        entrySaved: "Đã lưu tin.",
        entryPublished: "Đã lưu tin; bản xem trước đang được làm lại.",
        missingRequiredField: "Còn ô chưa điền hoặc điền chưa đúng (đánh dấu đỏ). Sửa rồi bấm Lưu.",
      },
    },
  };

  function merge(base, extra) {
    var out = Object.assign({}, base);
    Object.keys(extra).forEach(function (key) {
      var value = extra[key];
      out[key] = value && typeof value === "object" && base && typeof base[key] === "object" ? merge(base[key], value) : value;
    });
    return out;
  }

  // Immutable maps (entries Decap read from a file) and plain objects (what our widgets write) alike
  function get(value, key) {
    if (value == null) return undefined;
    return typeof value.get === "function" ? value.get(key) : value[key];
  }
  function plain(value) {
    if (value == null) return {};
    return typeof value.toJS === "function" ? value.toJS() : Object.assign({}, value);
  }
  function text(value) {
    return typeof value === "string" ? value : value == null ? "" : String(value);
  }

  // ---- date: 15/01/2021 (as people write it here) or 2021-01-15; stored as YYYY-MM-DD
  var ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
  var DAY_FIRST = /^(\d{1,2})\s*[\/.\-]\s*(\d{1,2})\s*[\/.\-]\s*(\d{4})$/;
  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }
  function realDate(y, m, d) {
    var t = new Date(Date.UTC(y, m - 1, d));
    return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
  }
  function isoDate(typed) {
    var value = text(typed).trim();
    var m = ISO.exec(value);
    if (m) return realDate(+m[1], +m[2], +m[3]) ? value : null;
    m = DAY_FIRST.exec(value);
    if (m && realDate(+m[3], +m[2], +m[1])) return m[3] + "-" + pad(+m[2]) + "-" + pad(+m[1]);
    return null;
  }
  function dayFirst(value) {
    if (value instanceof Date) value = value.toISOString().slice(0, 10);
    var m = ISO.exec(text(value));
    return m ? m[3] + "/" + m[2] + "/" + m[1] : text(value);
  }

  var DateControl = createClass({
    getInitialState: function () {
      return { typed: dayFirst(this.props.value) };
    },
    componentDidUpdate: function (previous) {
      var value = this.props.value;
      if (previous.value !== value && value !== this.state.typed && isoDate(this.state.typed) !== value) {
        this.setState({ typed: dayFirst(value) });
      }
    },
    isValid: function () {
      var value = this.props.value;
      if (value instanceof Date || !text(value)) return true; // empty: Decap's own "required" says so
      if (ISO.test(value) && isoDate(value)) return true;
      return { error: { message: "Ngày chưa đúng: viết ngày/tháng/năm, ví dụ 15/01/2021." } };
    },
    change: function (event) {
      var typed = event.target.value;
      this.setState({ typed: typed });
      this.props.onChange(isoDate(typed) || typed);
    },
    render: function () {
      return h("input", {
        type: "text",
        id: this.props.forID,
        className: this.props.classNameWrapper,
        value: this.state.typed,
        inputMode: "numeric",
        autoComplete: "off",
        placeholder: "15/01/2021",
        onChange: this.change,
        onFocus: this.props.setActiveStyle,
        onBlur: this.props.setInactiveStyle,
      });
    },
  });
  function DatePreview(props) {
    return h("span", {}, dayFirst(props.value));
  }

  // ---- page address (slug): made from the Vietnamese title by the server (the site's own slugify),
  // editable, refused when another update of the decision has it
  var SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  function localSlug(title) {
    var folded = text(title).replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFD").replace(/\p{M}/gu, "");
    return folded.normalize("NFC").toLowerCase().replace(/[^a-z0-9]+/g, " ").trim().split(" ").join("-").slice(0, 60).replace(/-+$/, "");
  }
  var RESERVED = ["index", "trang"];
  // Decap hands a widget the entry as it was loaded, not as it is being typed: the title widget tells
  // the address widget about its Vietnamese directly (one entry is open at a time)
  var titleListeners = [];
  function announceTitle(vietnamese) {
    titleListeners.forEach(function (listener) {
      listener(vietnamese);
    });
  }

  var SlugControl = createClass({
    getInitialState: function () {
      return { taken: [], auto: !this.props.value };
    },
    componentDidMount: function () {
      this.ask({});
      titleListeners.push(this.suggest);
    },
    componentWillUnmount: function () {
      clearTimeout(this.timer);
      titleListeners = titleListeners.filter(function (listener) {
        return listener !== this.suggest;
      }, this);
    },
    isNew: function () {
      return !!this.props.entry.get("newRecord");
    },
    ask: function (extra) {
      var query = new URLSearchParams(
        Object.assign(
          { folder: this.props.collection.get("folder"), path: this.isNew() ? "" : text(this.props.entry.get("path")) },
          extra
        )
      );
      var self = this;
      return fetch("api/slug?" + query.toString())
        .then(function (response) {
          if (!response.ok) throw new Error("HTTP " + response.status);
          return response.json();
        })
        .then(function (answer) {
          self.setState({ taken: answer.taken || [] });
          return answer;
        })
        .catch(function () {
          // with a Git host backend there is no make edit server: the slug is made here (the twin of
          // sitegen/content/slugs.py) and duplicates are caught by the pull request's validation
          return { taken: [], suggestion: extra.title === undefined ? undefined : localSlug(extra.title) };
        });
    },
    suggest: function (title) {
      if (!this.isNew() || !this.state.auto) return;
      clearTimeout(this.timer);
      var self = this;
      this.timer = setTimeout(function () {
        self.ask({ title: title }).then(function (answer) {
          if (self.state.auto && answer.suggestion !== undefined) self.props.onChange(answer.suggestion);
        });
      }, 200);
    },
    change: function (event) {
      this.setState({ auto: event.target.value === "" });
      this.props.onChange(event.target.value.trim());
    },
    isValid: function () {
      var value = text(this.props.value);
      if (!value) return true;
      if (!SLUG.test(value)) {
        return {
          error: {
            message: "Địa chỉ chỉ gồm chữ thường không dấu (a–z), số và dấu gạch ngang, ví dụ hop-bao-quy-1.",
          },
        };
      }
      if (RESERVED.indexOf(value) >= 0 || this.state.taken.indexOf(value) >= 0) {
        return { error: { message: "Địa chỉ “" + value + "” đã có tin khác dùng; chọn địa chỉ khác." } };
      }
      return true;
    },
    render: function () {
      var value = text(this.props.value);
      var address = this.props.field.get("address") || "/";
      return h(
        "div",
        { className: "dia-chi" },
        h("input", {
          type: "text",
          id: this.props.forID,
          className: this.props.classNameWrapper,
          value: value,
          autoComplete: "off",
          spellCheck: false,
          onChange: this.change,
          onFocus: this.props.setActiveStyle,
          onBlur: this.props.setInactiveStyle,
        }),
        h("p", { className: "dia-chi-trang" }, "Trang của tin: ", h("code", {}, address + (value || "…") + "/"))
      );
    },
  });

  // ---- draft or published: publishing is "Bản nháp" off, then Lưu. The switch says what it means now, and
  // a labelled button does the first half; the status line then asks for the second.
  function isTrue(value) {
    return value === true || value === "true";
  }
  // what the file says now: the value when the entry was opened, then after each save (Decap's postSave)
  var saveListeners = [];
  function announceSave(entry) {
    saveListeners.forEach(function (listener) {
      listener(entry);
    });
  }
  var DraftControl = createClass({
    getInitialState: function () {
      return { savedDraft: this.isDraft() }; // a new update is not on the site either
    },
    componentDidMount: function () {
      saveListeners.push(this.saved);
    },
    componentWillUnmount: function () {
      saveListeners = saveListeners.filter(function (listener) {
        return listener !== this.saved;
      }, this);
    },
    saved: function (entry) {
      this.setState({ savedDraft: isTrue(entry && entry.getIn(["data", "draft"])) });
    },
    isDraft: function () {
      return isTrue(this.props.value);
    },
    wasDraft: function () {
      return this.state.savedDraft;
    },
    set: function (draft) {
      this.props.onChange(draft);
    },
    render: function () {
      var self = this;
      var draft = this.isDraft();
      var status;
      if (draft && !this.wasDraft()) {
        status = "Bấm “Lưu” (trên cùng) để gỡ tin khỏi trang: sau đó tin chỉ hiện trong bản xem trước.";
      } else if (draft) {
        status = "Đây là bản nháp: tin chỉ hiện trong bản xem trước, chưa có trên trang.";
      } else if (this.wasDraft()) {
        status = "Chưa đăng: bấm “Lưu” (trên cùng) để đăng tin lên trang, cả tiếng Việt và tiếng Anh.";
      } else {
        status = "Tin đã đăng trên trang. Bật “Bản nháp” rồi bấm “Lưu” để gỡ tin khỏi trang.";
      }
      return h(
        "div",
        { className: "ban-nhap " + (draft ? "ban-nhap-bat " : "ban-nhap-tat ") + (this.props.classNameWrapper || "") },
        h(
          "label",
          { className: "ban-nhap-cong-tac" },
          h("input", {
            type: "checkbox",
            role: "switch",
            id: this.props.forID,
            checked: draft,
            onChange: function (event) {
              self.set(event.target.checked);
            },
            onFocus: this.props.setActiveStyle,
            onBlur: this.props.setInactiveStyle,
          }),
          h("span", {}, "Bản nháp")
        ),
        draft
          ? h(
              "button",
              {
                type: "button",
                className: "dang-tin",
                onClick: function () {
                  self.set(false);
                },
              },
              "Đăng tin lên trang"
            )
          : null,
        h("p", { className: "ban-nhap-trang-thai", role: "status" }, status)
      );
    },
  });
  function DraftPreview(props) {
    return h("span", {}, props.value === true ? "Bản nháp" : "Đăng");
  }

  // ---- a text area as tall as its text: a long English title or summary is read whole, never cut off
  // mid-line until scrolled. It grows on typing and when a narrower window rewraps the text.
  function fitHeight(area) {
    if (!area || !area.isConnected || !area.offsetWidth) return; // hidden (a collapsed group): fitted once shown
    var style = window.getComputedStyle(area);
    var borders = parseFloat(style.borderTopWidth) + parseFloat(style.borderBottomWidth);
    area.style.height = "auto"; // let it shrink after text was deleted, then measure
    area.style.height = area.scrollHeight + borders + "px";
  }
  var widths = typeof WeakMap === "function" ? new WeakMap() : null;
  var resized =
    typeof ResizeObserver === "function" && widths
      ? new ResizeObserver(function (changes) {
          changes.forEach(function (change) {
            var width = change.target.offsetWidth;
            if (widths.get(change.target) !== width) {
              widths.set(change.target, width); // a new width rewraps the text; our own height change does not
              fitHeight(change.target);
            }
          });
        })
      : null;
  function growing(area) {
    if (!area) return;
    fitHeight(area);
    if (resized && !widths.has(area)) {
      widths.set(area, area.offsetWidth);
      resized.observe(area);
    }
  }

  // ---- a bilingual text: Vietnamese (the original) and English side by side; other keys (en_from) kept
  var BilingualControl = createClass({
    componentDidUpdate: function () {
      // the value may change from outside the text area (an entry loaded, a duplicate): fit again
      Array.prototype.forEach.call(this.areas || [], fitHeight);
    },
    keep: function (area) {
      if (!area) return;
      this.areas = (this.areas || []).filter(function (known) {
        return known.isConnected;
      });
      if (this.areas.indexOf(area) < 0) this.areas.push(area);
      growing(area);
    },
    change: function (lang, event) {
      var next = plain(this.props.value);
      next[lang] = event.target.value;
      this.props.onChange(next);
      if (lang === "vi" && this.props.field.get("name") === "title") announceTitle(next.vi);
    },
    isValid: function () {
      var field = this.props.field;
      var vi = text(get(this.props.value, "vi")).trim();
      var en = text(get(this.props.value, "en")).trim();
      var label = field.get("label");
      if (!vi && field.get("required") !== false) {
        return { error: { message: "Cần nhập “" + label + "” bằng tiếng Việt." } };
      }
      if (!vi && en) {
        return { error: { message: "“" + label + "”: có tiếng Anh thì cần cả tiếng Việt (bản gốc)." } };
      }
      return true;
    },
    box: function (lang, label, id) {
      var field = this.props.field;
      var multiline = !!field.get("multiline");
      var self = this;
      return h(
        "div",
        { className: "song-ngu-o", lang: lang },
        h("label", { htmlFor: id, className: "song-ngu-nhan" }, label),
        h(multiline ? "textarea" : "input", {
          id: id,
          className: "song-ngu-nhap",
          ref: multiline ? this.keep : undefined,
          value: text(get(this.props.value, lang)),
          rows: multiline ? field.get("rows") || 3 : undefined,
          type: multiline ? undefined : "text",
          onChange: function (event) {
            self.change(lang, event);
          },
          onFocus: this.props.setActiveStyle,
          onBlur: this.props.setInactiveStyle,
        })
      );
    },
    render: function () {
      var required = this.props.field.get("required") !== false;
      var id = this.props.forID;
      return h(
        "div",
        { className: "song-ngu " + (this.props.classNameWrapper || "") },
        this.box("vi", "Tiếng Việt" + (required ? " (bắt buộc)" : ""), id),
        this.box("en", "English (không bắt buộc; để trống khi chưa dịch)", id + "-en")
      );
    },
  });
  function BilingualPreview(props) {
    return h("span", {}, text(get(props.value, "vi")));
  }

  var PREVIEW_BUTTONS_COLUMN = "60px"; // Decap's buttons: 40 px wide, 10 px from the edge, and a gap

  // ---- the preview pane: the real page, from the live preview (drafts included), once saved
  function previewTemplate(decision, address) {
    return createClass({
      render: function () {
        var entry = this.props.entry;
        var slug = text(entry.getIn(["data", "slug"]));
        if (entry.get("newRecord") || !slug) {
          return h(
            "p",
            { className: "xem-truoc-chu", style: { paddingRight: PREVIEW_BUTTONS_COLUMN } },
            "Bấm “Lưu” để xem tin này đúng như trên trang (bản xem trước hiện cả bản nháp)."
          );
        }
        var page = "/" + decision + "/" + address + "/" + slug + "/";
        var origin = window.location.origin;
        // Decap's round buttons (hide the preview, scroll together) float over the pane's right edge: the
        // pane's content keeps a column free for them, so they never sit over a link
        return h(
          "div",
          { className: "xem-truoc", style: { paddingRight: PREVIEW_BUTTONS_COLUMN } },
          h(
            "p",
            { style: { margin: "8px 0" } },
            "Xem trước: ",
            h("a", { href: origin + page, target: "_blank", rel: "noopener" }, "Tiếng Việt"),
            " · ",
            h("a", { href: origin + "/en" + page, target: "_blank", rel: "noopener" }, "English")
          ),
          h("iframe", {
            src: origin + page,
            title: "Xem trước tin trên trang",
            style: { width: "100%", height: "85vh", border: "1px solid #ccc" },
          })
        );
      },
    });
  }

  // Decap shows a failed save as "…: %{details}" with the backend's error turned into text, which for its
  // API errors is "API_ERROR: <message>". Our server's message is already written for the press office
  // (editor_wording.py): the local backend's errors show their message alone.
  function plainErrorsFromTheLocalBackend() {
    var proxy = CMS.getBackend && CMS.getBackend("proxy");
    if (!proxy) return;
    var backend = Object.getPrototypeOf(proxy.init({ backend: { proxy_url: "/" } }));
    var request = backend.request;
    if (typeof request !== "function" || request.plainErrors) return;
    backend.request = function () {
      return request.apply(this, arguments).catch(function (error) {
        if (error && typeof error.message === "string" && error.message) {
          error.toString = function () {
            return this.message;
          };
        }
        throw error;
      });
    };
    backend.request.plainErrors = true;
  }

  function start(answer) {
    var config = answer.config;
    if (config.backend.name === "proxy") {
      config.backend.proxy_url = window.location.origin + config.backend.proxy_url;
      // decap-server has no accounts: record the one local "user" Decap would create at its login button
      var stored = JSON.parse(window.localStorage.getItem("decap-cms-user") || "null");
      if (!stored || stored.backendName !== "proxy") {
        window.localStorage.setItem("decap-cms-user", JSON.stringify({ backendName: "proxy", name: "Ban biên tập" }));
      }
    }
    if (config.backend.name === "proxy") plainErrorsFromTheLocalBackend();
    var locale = CMS.getLocale && CMS.getLocale("vi");
    CMS.registerLocale("vi", merge(locale || {}, WORDING));
    CMS.registerWidget("ngay", DateControl, DatePreview);
    CMS.registerWidget("dia-chi", SlugControl);
    CMS.registerWidget("song-ngu", BilingualControl, BilingualPreview);
    CMS.registerWidget("ban-nhap", DraftControl, DraftPreview);
    CMS.registerEventListener({
      name: "postSave",
      handler: function (event) {
        announceSave(event.entry);
      },
    });
    Object.keys(answer.previews).forEach(function (name) {
      CMS.registerPreviewTemplate(name, previewTemplate(answer.previews[name], answer.updates_address));
    });
    CMS.init({ config: config });
  }

  fetch("config.json")
    .then(function (response) {
      if (!response.ok) throw new Error("config.json: HTTP " + response.status);
      return response.json();
    })
    .then(start)
    .catch(function (error) {
      document.body.textContent = "Không mở được trình soạn thảo / The editor could not start: " + error.message;
    });
})();
