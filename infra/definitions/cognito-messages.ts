/**
 * The e-mails Cognito itself sends to staff, in Vietnamese first and English below (a message
 * template has one language; the staff's is Vietnamese). Cognito fills `{username}` and `{####}`
 * (the temporary password in an invitation, the code in a verification or password reset) and
 * refuses a template without them. The same verification template serves the forgotten-password
 * code and an e-mail address check, so its text names both.
 */
export interface CognitoMessages {
  readonly invitation: { readonly subject: string; readonly body: string };
  readonly verification: { readonly subject: string; readonly body: string };
}

const paragraphs = (...lines: string[]) => lines.map((l) => `<p>${l}</p>`).join('');

export function cognitoMessages(portalName: string, consoleUrl: string): CognitoMessages {
  return {
    invitation: {
      subject: `Tài khoản quản trị ${portalName} / Your ${portalName} staff account`,
      body: paragraphs(
        `Xin chào, tài khoản của bạn trên hệ thống quản trị ${portalName} đã được tạo.`,
        'Tên đăng nhập: <b>{username}</b><br>Mật khẩu tạm thời: <b>{####}</b>',
        `Hãy đăng nhập tại ${consoleUrl} và đổi mật khẩu ngay trong lần đăng nhập đầu tiên. Mật khẩu tạm thời chỉ dùng được một lần và sẽ hết hạn; không chia sẻ mật khẩu với bất kỳ ai.`,
        '—',
        `Hello, your staff account for ${portalName} has been created.`,
        'Username: <b>{username}</b><br>Temporary password: <b>{####}</b>',
        `Sign in at ${consoleUrl} and change the password at your first sign-in. The temporary password works once and expires; never share it.`,
      ),
    },
    verification: {
      subject: `Mã xác minh ${portalName} / Your ${portalName} verification code`,
      body: paragraphs(
        'Mã xác minh của bạn là: <b>{####}</b>',
        'Dùng mã này để đặt lại mật khẩu hoặc xác nhận địa chỉ e-mail của tài khoản quản trị. Nếu bạn không yêu cầu, hãy bỏ qua e-mail này và báo cho quản trị viên.',
        '—',
        'Your verification code is: <b>{####}</b>',
        'Use it to reset your password or confirm the e-mail address of your staff account. If you did not ask for it, ignore this e-mail and tell your administrator.',
      ),
    },
  };
}
