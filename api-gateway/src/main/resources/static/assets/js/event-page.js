// Enhancement of the customer's entry form (the page works without it): checks each field as the server would
// before posting, shows the message at the field, and sends the form once however often it is tapped. The
// server's answer stays the authority: the messages come from the page (data-message, the API's own wording).
const form = document.getElementById('entry');

if (form) {
  const fields = {
    name: (input) => input.value.trim().length >= 2,
    phone: (input) => /^\d{10,11}$/.test(input.value.replace(/[\s\-().+]/g, '').replace(/^82(?=1)/, '0')),
    consent: (input) => input.checked,
  };

  const show = (input, message) => {
    const error = document.getElementById(input.id + '-error');
    error.textContent = message || '';
    error.hidden = !message;
    input.setAttribute('aria-invalid', message ? 'true' : 'false');
  };

  const check = (input) => {
    const ok = fields[input.id](input);
    show(input, ok ? '' : input.dataset.message);
    return ok;
  };

  for (const id of Object.keys(fields)) {
    const input = document.getElementById(id);
    // Judged at submit, then again as the visitor fixes it. Not on blur: an error appearing as a field loses focus
    // to a tap on the button moves the button away from under the finger, and the tap is lost.
    input.addEventListener('input', () => { if (input.getAttribute('aria-invalid') === 'true') check(input); });
    input.addEventListener('change', () => { if (input.getAttribute('aria-invalid') === 'true') check(input); });
  }

  let sent = false;
  form.addEventListener('submit', (event) => {
    if (sent) {
      event.preventDefault(); // a second tap: the first post is on its way (and would only be replayed anyway)
      return;
    }
    const invalid = Object.keys(fields).map((id) => document.getElementById(id)).filter((input) => !check(input));
    if (invalid.length > 0) {
      event.preventDefault();
      invalid[0].focus();
      return;
    }
    sent = true;
    const button = document.getElementById('entry-submit');
    button.disabled = true;
    button.textContent = '참여하는 중…';
  });

  // Back/forward cache: a page restored after submitting must be usable again.
  window.addEventListener('pageshow', () => {
    sent = false;
    const button = document.getElementById('entry-submit');
    button.disabled = false;
    button.textContent = '참여하기';
  });
}
