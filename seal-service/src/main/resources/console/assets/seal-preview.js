// The make-a-seal form's live preview: the server draws the standard image from what is typed (no inline script: the
// console's CSP allows scripts from the service only). Without script, the form's Preview button does the same.
(function () {
  var form = document.getElementById('make-form');
  var image = document.getElementById('preview');
  if (!form || !image) {
    return;
  }
  var fields = ['name', 'organization', 'type'].map(function (id) { return document.getElementById(id); });
  var timer = null;
  function refresh() {
    var name = fields[0].value.trim();
    var organization = fields[1].value.trim();
    if (!name || !organization) {
      return;
    }
    var query = new URLSearchParams({ name: name, organization: organization, type: fields[2].value });
    image.src = image.getAttribute('data-base') + '?' + query.toString();
  }
  fields.forEach(function (field) {
    field.addEventListener(field.tagName === 'SELECT' ? 'change' : 'input', function () {
      clearTimeout(timer);
      timer = setTimeout(refresh, 300);
    });
  });
})();
