// Enhancement of the customer's entry form (the page works without it): checks each field as the server would
// before posting, shows the message at the field, and sends the form once however often it is tapped. The
// server's answer stays the authority: the messages come from the page (data-message, the API's own wording).
const form = document.getElementById('entry');

if (form) {
  const fields = {
    name: (input) => input.value.trim().length >= 2,
    phone: (input) => /^\d{10,11}$/.test(input.value.replace(/[\s\-().+]/g, '').replace(/^82(?=1)/, '0')),
    consent: (input) => input.checked,
    verificationCode: (input) => /^\d{6}$/.test(input.value.trim()), // only where the event asks for a code
  };
  const present = Object.keys(fields).filter((id) => document.getElementById(id));

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

  for (const id of present) {
    const input = document.getElementById(id);
    // Judged at submit, then again as the visitor fixes it. Not on blur: an error appearing as a field loses focus
    // to a tap on the button moves the button away from under the finger, and the tap is lost.
    input.addEventListener('input', () => { if (input.getAttribute('aria-invalid') === 'true') check(input); });
    input.addEventListener('change', () => { if (input.getAttribute('aria-invalid') === 'true') check(input); });
  }

  // Enter in a field means "참여하기"; without this the browser would pick the first submit button, "인증번호 받기"
  const sendCode = document.getElementById('send-code');
  if (sendCode) {
    form.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && event.target instanceof HTMLInputElement) {
        event.preventDefault();
        form.requestSubmit(document.getElementById('entry-submit'));
      }
    });
  }

  let sent = false;
  form.addEventListener('submit', (event) => {
    if (sent) {
      event.preventDefault(); // a second tap: the first post is on its way (and would only be replayed anyway)
      return;
    }
    // "인증번호 받기" needs only the phone; it shows the form again, so it does not lock it
    const sendingCode = event.submitter && event.submitter.id === 'send-code';
    const invalid = (sendingCode ? ['phone'] : present).map((id) => document.getElementById(id)).filter((input) => !check(input));
    if (invalid.length > 0) {
      event.preventDefault();
      invalid[0].focus();
      return;
    }
    if (sendingCode) {
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
