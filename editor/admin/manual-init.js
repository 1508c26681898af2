window.CMS_MANUAL_INIT = true; // editor.js starts Decap once its configuration is loaded
