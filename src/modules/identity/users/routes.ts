import { z } from 'zod';
import type { App, AppContext } from '../../../http/types.js';
import { createUser } from './create-user.js';
import { CreateUserRequest, CreateUserResponse } from './create-user.schema.js';
import { ListUsersQuery, listVisibleUsers } from './list-users.js';
import { updateUser } from './update-user.js';
import { UpdateUserRequest } from './update-user.schema.js';
import { User } from './user.js';

const tags = ['users'];

export async function userRoutes(app: App, ctx: AppContext): Promise<void> {
  const db = () => ctx.database.db;

  app.post(
    '/api/v1/users',
    {
      config: { scope: 'users:manage' },
      schema: {
        tags,
        summary: 'Create an account (a one-time password is returned once unless a password is given)',
        body: CreateUserRequest,
        response: { 201: CreateUserResponse },
      },
    },
    async (request, reply) => reply.status(201).send(await createUser(db(), request.actor, request.body)),
  );

  app.get(
    '/api/v1/users',
    {
      config: { scope: 'users:manage' },
      schema: { tags, summary: "Your organisation's accounts (the platform: all)", querystring: ListUsersQuery, response: { 200: z.object({ users: z.array(User) }) } },
    },
    async (request) => ({ users: await listVisibleUsers(db(), request.actor, request.query) }),
  );

  app.patch(
    '/api/v1/users/:id',
    {
      config: { scope: 'users:manage' },
      schema: { tags, summary: 'Disable or enable an account, or change its role, name or language', params: z.object({ id: z.string() }), body: UpdateUserRequest, response: { 200: User } },
    },
    async (request) => updateUser(db(), request.actor, request.params.id, request.body),
  );
}
